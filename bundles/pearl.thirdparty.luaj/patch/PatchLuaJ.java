import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Build step of pearl.thirdparty.luaj: rewrites four LuaJ methods in the unpacked classes so that
 * they delegate to {@code org.luaj.vm2.Lua51Hooks} (source in this bundle). Each rewritten body is
 * a straight call, so no stack map frames need computing. Run as
 * {@code java -cp asm.jar PatchLuaJ.java CLASSES_DIR}; it fails the build if a method is missing,
 * so a LuaJ upgrade cannot silently drop a patch.
 */
public class PatchLuaJ {
    private static final String HOOKS = "org/luaj/vm2/Lua51Hooks";

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        patch(classes.resolve("org/luaj/vm2/LuaDouble.class"), "tojstring", "()Ljava/lang/String;", mv -> {
            // numbers print as Lua 5.1's LUAI_NUMFFORMAT "%.14g"
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, "org/luaj/vm2/LuaDouble", "v", "D");
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "numberText", "(D)Ljava/lang/String;", false);
            mv.visitInsn(Opcodes.ARETURN);
        });
        patch(classes.resolve("org/luaj/vm2/LuaDouble.class"), "valueOf", "(D)Lorg/luaj/vm2/LuaNumber;", mv -> {
            // -0 must stay a double: LuaJ folds it into the integer 0, which prints "0"
            mv.visitVarInsn(Opcodes.DLOAD, 0);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "number", "(D)Lorg/luaj/vm2/LuaNumber;", false);
            mv.visitInsn(Opcodes.ARETURN);
        });
        patch(classes.resolve("org/luaj/vm2/LuaInteger.class"), "neg", "()Lorg/luaj/vm2/LuaValue;", mv -> {
            // -(0) is -0 in Lua 5.1, whose numbers are all doubles
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, "org/luaj/vm2/LuaInteger", "v", "I");
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "negate", "(I)Lorg/luaj/vm2/LuaValue;", false);
            mv.visitInsn(Opcodes.ARETURN);
        });
        patch(classes.resolve("org/luaj/vm2/LuaClosure.class"), "processErrorHooks",
                "(Lorg/luaj/vm2/LuaError;Lorg/luaj/vm2/Prototype;I)V", mv -> {
            // the innermost Lua frame of a runtime error: the embedder names position and culprit
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitVarInsn(Opcodes.ALOAD, 2);
            mv.visitVarInsn(Opcodes.ILOAD, 3);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "processError",
                    "(Lorg/luaj/vm2/LuaClosure;Lorg/luaj/vm2/LuaError;Lorg/luaj/vm2/Prototype;I)V", false);
            mv.visitInsn(Opcodes.RETURN);
        });
    }

    private static void patch(Path classFile, String name, String descriptor, Consumer<MethodVisitor> body)
            throws IOException {
        ClassReader reader = new ClassReader(Files.readAllBytes(classFile));
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        boolean[] found = { false };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String methodName, String desc, String signature,
                    String[] exceptions) {
                if (methodName.equals("<init>") && desc.equals("(D)V") && classFile.endsWith("LuaDouble.class")) {
                    // Lua51Hooks.number constructs doubles: open the private constructor to the package
                    access &= ~Opcodes.ACC_PRIVATE;
                }
                MethodVisitor mv = super.visitMethod(access, methodName, desc, signature, exceptions);
                if (!methodName.equals(name) || !desc.equals(descriptor)) {
                    return mv;
                }
                found[0] = true;
                mv.visitCode();
                body.accept(mv);
                mv.visitMaxs(0, 0);
                mv.visitEnd();
                return null;
            }
        }, 0);
        if (!found[0]) {
            throw new IllegalStateException(classFile + " has no method " + name + descriptor);
        }
        Files.write(classFile, writer.toByteArray());
        System.out.println("patched " + classFile.getFileName() + " " + name);
    }
}
