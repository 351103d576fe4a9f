package co.interakt.capture.agent;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Byte Buddy's part of the instrumentation: decides, from the class file and its super types' class
 * files (read, never loaded), whether a candidate class is a filter or servlet that declares an
 * advised method, and inlines {@link CaptureAdvice} into it. Created on the first candidate class,
 * so Byte Buddy is loaded only once an application loads servlet code.
 */
final class AdviceWeaver {
    private final List<Woven> namespaces;
    private final ByteBuddy byteBuddy = new ByteBuddy()
            .with(TypeValidation.DISABLED)
            // Advice rewrites method bodies only: no new members, no type initializer, the class
            // file's own methods, so the result is also valid for a retransformation.
            .with(Implementation.Context.Disabled.Factory.INSTANCE)
            .with(InstrumentedType.Factory.Default.FROZEN)
            .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);

    /** One namespace's matchers and advice. A class, not a record: a record's equals and hashCode
     *  bootstrap method handles on first use, start-up time for nothing. */
    private static final class Woven {
        final ServletNamespace namespace;
        final ElementMatcher<TypeDescription> types;
        final ElementMatcher.Junction<MethodDescription> methods;
        final AsmVisitorWrapper advice;

        Woven(ServletNamespace namespace, Advice advice) {
            this.namespace = namespace;
            this.types = ServletInstrumentation.isServletOrFilter(namespace);
            this.methods = ServletInstrumentation.advisedMethods(namespace);
            this.advice = advice.on(methods);
        }
    }

    AdviceWeaver(List<ServletNamespace> namespaces) {
        Advice advice = Advice.to(CaptureAdvice.class);
        List<Woven> woven = new ArrayList<>(namespaces.size());
        for (ServletNamespace namespace : namespaces) {
            woven.add(new Woven(namespace, advice));
        }
        this.namespaces = woven;
    }

    /**
     * The advised class file, or {@code null} when the class is none of ours to advise.
     *
     * @param candidates the namespaces whose method descriptors the class file mentions
     */
    byte[] weave(List<ServletNamespace> candidates, String internalName, byte[] classFile, ClassLoader loader) {
        String name = internalName.replace('/', '.');
        ClassFileLocator locator = new ClassFileLocator.Compound(
                ClassFileLocator.Simple.of(name, classFile), ClassFileLocator.ForClassLoader.of(loader));
        TypeDescription type = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(), locator,
                TypePool.Default.ReaderMode.FAST).describe(name).resolve();
        if (type.isInterface()) {
            return null;
        }
        DynamicType.Builder<?> builder = null;
        for (Woven woven : namespaces) {
            if (isCandidate(woven.namespace, candidates)
                    && !type.getDeclaredMethods().filter(woven.methods).isEmpty()
                    && woven.types.matches(type)) {
                builder = (builder == null ? byteBuddy.decorate(type, locator) : builder).visit(woven.advice);
            }
        }
        return builder == null ? null : builder.make().getBytes();
    }

    private static boolean isCandidate(ServletNamespace namespace, List<ServletNamespace> candidates) {
        for (ServletNamespace candidate : candidates) {
            if (candidate == namespace) {
                return true;
            }
        }
        return false;
    }
}
