package co.interakt.capture.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Start-up decisions that need no instrumentation: what runs, and what is said when nothing does. */
class AgentConfigurationTest {
    private final List<LogRecord> records = new ArrayList<>();
    private final Logger logger = Logger.getLogger(AgentConfiguration.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    @Test
    void anInvalidSettingDisablesCaptureWithOneSevereLineNamingKeyAndFix() {
        assertNull(AgentConfiguration.load("rule.signup.target=member,api-key=k3y-never-logged"));

        assertEquals(1, records.size());
        LogRecord record = records.get(0);
        assertEquals(Level.SEVERE, record.getLevel());
        String message = record.getMessage();
        assertTrue(message.contains("interakt.rule.signup.target") && message.contains("use 'members' or 'leads'")
                && message.contains("capture is disabled, the application runs without it"), message);
        assertTrue(!message.contains("k3y-never-logged"), message);
    }

    @Test
    void malformedAgentArgumentsDisableCaptureToo() {
        assertNull(AgentConfiguration.load("not-a-key-value"));
        assertEquals(Level.SEVERE, records.get(0).getLevel());
    }

    @Test
    void premainWithABrokenConfigurationNeverThrowsAndInstallsNothing() {
        InteraktAgent.premain("rule.signup.target=member", null); // a null Instrumentation: it is never reached
        assertEquals(Level.SEVERE, records.get(0).getLevel());
    }

    @Test
    void switchedOffByConfigurationItSaysSoAndStaysOff() {
        assertNull(AgentConfiguration.load("enabled=false"));
        assertEquals(Level.INFO, records.get(0).getLevel());
    }

    @Test
    void validArgumentsGiveTheConfigurationToRunWith() {
        assertNotNull(AgentConfiguration.load("rule.signup.paths=/join,/register"));
        assertEquals(List.of(), records);
    }
}
