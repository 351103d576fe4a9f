package co.interakt.capture.agent;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Wraps the advised methods of a filter or servlet class file in calls to the bootstrap
 * {@code Dispatcher}, with the ASM that Byte Buddy bundles. What a woven method does:
 *
 * <pre>{@code
 * public void service(ServletRequest request, ServletResponse response) {  // or doFilter(request, response, chain)
 *     Object next = Dispatcher.enter(request, response);                    // the caching wrapper, or request itself
 *     if (next instanceof ServletRequest) {
 *         request = (ServletRequest) next;
 *     }
 *     try {
 *         ... the method's own code, each return preceded by Dispatcher.exit(null) ...
 *     } catch (Throwable t) {                                                // last in the exception table
 *         Dispatcher.exit(t);
 *         throw t;
 *     }
 * }
 * }</pre>
 *
 * <p>This is the code Byte Buddy's {@code Advice} inlined for us before, written out: Advice
 * loads and runs some 700 classes of Byte Buddy to weave the first class, over 200 ms of the
 * JVM's start-up, while these few visitors take a few milliseconds. Nothing here can throw into
 * the application: {@code Dispatcher} never throws, and the cast is checked. The entry code's
 * stack map frames hold the parameters as declared, as nothing has run yet; the handler only needs
 * the exception on its stack, so its frame declares no locals at all: valid whatever the method's
 * own code does with its locals.
 */
final class ServletMethodWeaver {
    static final String DISPATCHER = BootstrapJar.PACKAGE_PATH + "Dispatcher";
    private static final String ENTER_DESCRIPTOR = "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String EXIT_DESCRIPTOR = "(Ljava/lang/Throwable;)V";
    private static final String THROWABLE = "java/lang/Throwable";
    private static final String OBJECT = "java/lang/Object";
    /**
     * Stack map frames are required from Java 7 class files on. Older ones get none: the JVM
     * verifies them by inference (a Java 6 class file may carry frames, and falls back to that
     * verifier when they do not check out).
     */
    private static final int FIRST_VERSION_WITH_FRAMES = Opcodes.V1_7;

    private ServletMethodWeaver() {
    }

    /**
     * Whether a method is one to advise: the public, concrete, instance {@code service} or
     * {@code doFilter} of one of these namespaces, taking the request first and the response
     * second. Only the public two-argument {@code service}: {@code HttpServlet} calls its protected
     * overload from it, and advising both would enter twice per request.
     *
     * @return the namespace whose request type the method takes, or {@code null}
     */
    static ServletNamespace advised(List<ServletNamespace> namespaces, int access, String name, String descriptor) {
        if ((access & Opcodes.ACC_PUBLIC) == 0 || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC | Opcodes.ACC_NATIVE)) != 0) {
            return null;
        }
        for (ServletNamespace namespace : namespaces) {
            if (name.equals("service") && descriptor.equals(namespace.serviceDescriptor())
                    || name.equals("doFilter") && descriptor.equals(namespace.doFilterDescriptor())) {
                return namespace;
            }
        }
        return null;
    }

    /**
     * The namespaces among {@code candidates} for which the class file declares a method to weave:
     * read from its method headers alone (no code), to spare the type hierarchy check that
     * follows the many classes that only call such a method.
     */
    static List<ServletNamespace> declaringAdvised(ClassReader reader, List<ServletNamespace> candidates) {
        List<ServletNamespace> declaring = new ArrayList<>(candidates.size());
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                ServletNamespace namespace = advised(candidates, access, name, descriptor);
                if (namespace != null && !containsSame(declaring, namespace)) {
                    declaring.add(namespace);
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return declaring;
    }

    /** By identity: a record's {@code equals} would link a bootstrap method on its first use, at start-up. */
    private static boolean containsSame(List<ServletNamespace> namespaces, ServletNamespace namespace) {
        for (ServletNamespace candidate : namespaces) {
            if (candidate == namespace) {
                return true;
            }
        }
        return false;
    }

    /** The woven class file, or {@code null} when the class declares no method to advise. */
    static byte[] weave(ClassReader reader, List<ServletNamespace> namespaces) {
        // Passing the reader lets the writer copy the constant pool and every method left alone as is.
        ClassWriter writer = new ClassWriter(reader, 0);
        Weaving weaving = new Weaving(writer, namespaces);
        reader.accept(weaving, ClassReader.EXPAND_FRAMES);
        return weaving.woven ? writer.toByteArray() : null;
    }

    /** Picks the methods to advise as the class file is read. */
    private static final class Weaving extends ClassVisitor {
        private final List<ServletNamespace> namespaces;
        private boolean frames;
        private String owner;
        boolean woven;

        Weaving(ClassVisitor next, List<ServletNamespace> namespaces) {
            super(Opcodes.ASM9, next);
            this.namespaces = namespaces;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            frames = (version & 0xFFFF) >= FIRST_VERSION_WITH_FRAMES;
            owner = name;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
            ServletNamespace namespace = advised(namespaces, access, name, descriptor);
            if (method == null || namespace == null) {
                return method;
            }
            woven = true;
            Object[] entryLocals = frames ? entryLocals(owner, descriptor) : null;
            return new DispatchingMethod(method, ServletNamespace.internal(namespace.request()), entryLocals);
        }
    }

    /** The locals on entry to an instance method, as a stack map frame lists them: this, then the parameters. */
    static Object[] entryLocals(String owner, String descriptor) {
        Type[] parameters = Type.getArgumentTypes(descriptor);
        Object[] locals = new Object[parameters.length + 1];
        locals[0] = owner;
        for (int i = 0; i < parameters.length; i++) {
            locals[i + 1] = parameters[i].getInternalName(); // only references: the advised methods take no primitives
        }
        return locals;
    }

    /** One advised method: enter at the start, exit before each return and on any throwable. */
    private static final class DispatchingMethod extends MethodVisitor {
        private final String requestType;
        /** The frame's locals on entry, or {@code null} for a class file without frames. */
        private final Object[] entryLocals;
        private final Label keepRequest = new Label();
        private final Label entered = new Label();
        private final Label bodyStart = new Label();
        private final Label bodyEnd = new Label();
        private final Label handler = new Label();

        DispatchingMethod(MethodVisitor next, String requestType, Object[] entryLocals) {
            super(Opcodes.ASM9, next);
            this.requestType = requestType;
            this.entryLocals = entryLocals;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitVarInsn(Opcodes.ALOAD, 1);
            super.visitVarInsn(Opcodes.ALOAD, 2);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCHER, "enter", ENTER_DESCRIPTOR, false);
            super.visitInsn(Opcodes.DUP);
            super.visitTypeInsn(Opcodes.INSTANCEOF, requestType);
            super.visitJumpInsn(Opcodes.IFEQ, keepRequest);
            super.visitTypeInsn(Opcodes.CHECKCAST, requestType);
            super.visitVarInsn(Opcodes.ASTORE, 1);
            super.visitJumpInsn(Opcodes.GOTO, entered);
            super.visitLabel(keepRequest);
            frame(entryLocals, new Object[] {OBJECT});
            super.visitInsn(Opcodes.POP);
            super.visitLabel(entered);
            frame(entryLocals, new Object[0]);
            // The method's own first instruction may carry a frame of its own (a loop starting
            // there): it must not share an offset with the one above.
            super.visitInsn(Opcodes.NOP);
            super.visitLabel(bodyStart);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                exit();
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitLabel(bodyEnd);
            super.visitLabel(handler);
            frame(entryLocals == null ? null : new Object[0], new Object[] {THROWABLE});
            super.visitInsn(Opcodes.DUP);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCHER, "exit", EXIT_DESCRIPTOR, false);
            super.visitInsn(Opcodes.ATHROW);
            // Visited last, so it comes last in the exception table: the method's own handlers
            // still catch what they caught before, this one only what would leave the method.
            super.visitTryCatchBlock(bodyStart, bodyEnd, handler, THROWABLE);
            // Two more slots at most: the entry's two arguments (then its answer, twice), the
            // handler's exception twice, a return's null on top of what the method left there.
            super.visitMaxs(maxStack + 2, maxLocals);
        }

        private void frame(Object[] locals, Object[] stack) {
            if (locals != null) { // else a class file older than stack map frames
                super.visitFrame(Opcodes.F_NEW, locals.length, locals, stack.length, stack);
            }
        }

        private void exit() {
            super.visitInsn(Opcodes.ACONST_NULL);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCHER, "exit", EXIT_DESCRIPTOR, false);
        }
    }
}
