package co.interakt.capture.spring;

import co.interakt.capture.config.ConfigKeys;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The conditions of the auto-configuration that Boot's stock annotations cannot say. */
final class CaptureConditions {
    private CaptureConditions() {
    }

    /**
     * Off only for an explicit {@code interakt.enabled=false}. Any other value passes, so a
     * misspelt one reaches the loader, which fails the start naming the key (a stock
     * {@code @ConditionalOnProperty(havingValue="true")} would silently switch capture off).
     */
    static final class NotDisabled extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String value = context.getEnvironment().getProperty(ConfigKeys.ENABLED.name());
            if (value != null && value.trim().equalsIgnoreCase("false")) {
                return ConditionOutcome.noMatch(ConfigKeys.ENABLED.name() + " is false");
            }
            return ConditionOutcome.match(ConfigKeys.ENABLED.name() + " is not false");
        }
    }

    /** The agent does not run capture in this JVM. */
    static final class AgentNotRunning extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return AgentDetection.agentRunning()
                    ? ConditionOutcome.noMatch("the Interakt capture agent runs in this JVM")
                    : ConditionOutcome.match("no Interakt capture agent in this JVM");
        }
    }

    /** The agent runs capture in this JVM. */
    static final class AgentRunning extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return AgentDetection.agentRunning()
                    ? ConditionOutcome.match("the Interakt capture agent runs in this JVM")
                    : ConditionOutcome.noMatch("no Interakt capture agent in this JVM");
        }
    }
}
