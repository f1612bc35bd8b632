package pearl.emulator.modules;

import static pearl.emulator.lua.LuaArgs.checkString;
import static pearl.emulator.lua.LuaArgs.optString;
import static pearl.emulator.modules.EncoderModule.bytes;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import pearl.emulator.Board;
import pearl.emulator.heap.HeapSized;
import pearl.emulator.lua.LibraryFunction;
import pearl.emulator.lua.LuaArgs;
import pearl.emulator.lua.RomTable;

/**
 * {@code crypto}: binary digests and HMACs (MD5, SHA1, SHA256, SHA384, SHA512; names in any case),
 * running hash objects, AES-128 in ECB or CBC mode with zero padding, and the WebSocket-style XOR
 * mask. The digests are Java's own; only the firmware's names, results and errors are modelled.
 */
public final class CryptoModule implements FirmwareModule {

    private static final Map<String, String> DIGESTS = Map.of("MD5", "MD5", "SHA1", "SHA-1", "SHA256", "SHA-256",
            "SHA384", "SHA-384", "SHA512", "SHA-512");
    private static final Map<String, String> CIPHERS = Map.of("AES-ECB", "AES/ECB/NoPadding", "AES-CBC", "AES/CBC/NoPadding");
    private static final int AES_BLOCK = 16;
    /** The context of a running hash (the largest, SHA-512's, plus the HMAC key pad). */
    private static final int HASH_CONTEXT_BYTES = 216 + 128;

    @Override
    public String name() {
        return "crypto";
    }

    @Override
    public void define(RomTable crypto, Board board) {
        RomTable hashMethods = new RomTable("crypto.hash");
        hashMethods.rawset(LuaValue.INDEX, hashMethods);
        LibraryFunction.define(hashMethods, "update", args -> {
            hasher(args).update(bytes(checkString(args, 2)));
            return LuaValue.NONE;
        });
        LibraryFunction.define(hashMethods, "finalize", args -> bytes(hasher(args).finish()));
        hashMethods.seal();

        LibraryFunction.define(crypto, "hash", args -> {
            Hasher h = Hasher.digest(algorithm(args));
            h.update(bytes(checkString(args, 2)));
            return bytes(h.finish());
        });
        LibraryFunction.define(crypto, "fhash", args -> {
            Hasher h = Hasher.digest(algorithm(args));
            byte[] file = board.spiffs().getContents(checkString(args, 2).tojstring());
            if (file == null) {
                throw new LuaError("file does not exist");
            }
            h.update(file);
            return bytes(h.finish());
        });
        LibraryFunction.define(crypto, "hmac", args -> {
            String algo = algorithm(args);
            LuaString data = checkString(args, 2);
            Hasher h = Hasher.hmac(algo, bytes(checkString(args, 3)));
            h.update(bytes(data));
            return bytes(h.finish());
        });
        LibraryFunction.define(crypto, "new_hash", args -> new LuaUserdata(Hasher.digest(algorithm(args)), hashMethods));
        LibraryFunction.define(crypto, "new_hmac",
                args -> new LuaUserdata(Hasher.hmac(algorithm(args), bytes(checkString(args, 2))), hashMethods));
        LibraryFunction.define(crypto, "sha1", args -> {
            Hasher h = Hasher.digest("SHA-1");
            h.update(bytes(checkString(args, 1)));
            return bytes(h.finish());
        });
        LibraryFunction.define(crypto, "mask", args -> {
            byte[] msg = bytes(checkString(args, 1));
            byte[] mask = bytes(checkString(args, 2));
            if (mask.length == 0) {
                throw new LuaError("invalid argument: mask");
            }
            for (int i = 0; i < msg.length; i++) {
                msg[i] ^= mask[i % mask.length];
            }
            return ModuleAllocations.string(board, bytes(msg));
        });
        LibraryFunction.define(crypto, "encrypt", args -> ModuleAllocations.string(board, bytes(aes(args, Cipher.ENCRYPT_MODE))));
        LibraryFunction.define(crypto, "decrypt", args -> ModuleAllocations.string(board, bytes(aes(args, Cipher.DECRYPT_MODE))));
    }

    /** The Java name of the digest named by argument 1. */
    private static String algorithm(Varargs args) {
        String java = DIGESTS.get(checkString(args, 1).tojstring().toUpperCase(Locale.ROOT));
        if (java == null) {
            throw new LuaError("unknown hash mech");
        }
        return java;
    }

    private static Hasher hasher(Varargs args) {
        if (args.arg1() instanceof LuaUserdata u && u.m_instance instanceof Hasher h) {
            return h;
        }
        throw LuaArgs.typeError(args, 1, "crypto.hash");
    }

    /** {@code crypto.encrypt/decrypt(algo, key, data[, iv])}: the data zero-padded to whole blocks. */
    private static byte[] aes(Varargs args, int mode) {
        String name = checkString(args, 1).tojstring().toUpperCase(Locale.ROOT);
        String transformation = CIPHERS.get(name);
        if (transformation == null) {
            throw new LuaError("unknown cipher: " + checkString(args, 1).tojstring());
        }
        byte[] key = bytes(checkString(args, 2));
        byte[] data = bytes(checkString(args, 3));
        byte[] iv = Arrays.copyOf(bytes(optString(args, 4, LuaValue.EMPTYSTRING)), AES_BLOCK);
        if (key.length != AES_BLOCK) {
            throw new LuaError("crypto op failed");
        }
        byte[] padded = Arrays.copyOf(data, (data.length + AES_BLOCK - 1) / AES_BLOCK * AES_BLOCK);
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            SecretKeySpec spec = new SecretKeySpec(key, "AES");
            if (name.equals("AES-CBC")) {
                cipher.init(mode, spec, new IvParameterSpec(iv));
            } else {
                cipher.init(mode, spec);
            }
            return cipher.doFinal(padded);
        } catch (GeneralSecurityException e) {
            throw new LuaError("crypto op failed");
        }
    }

    /** A running digest or HMAC ({@code crypto.new_hash}, {@code crypto.new_hmac}); finishing resets it. */
    private static final class Hasher implements HeapSized {
        private final MessageDigest digest;
        private final Mac mac;

        private Hasher(MessageDigest digest, Mac mac) {
            this.digest = digest;
            this.mac = mac;
        }

        static Hasher digest(String algorithm) {
            try {
                return new Hasher(MessageDigest.getInstance(algorithm), null);
            } catch (GeneralSecurityException e) {
                throw new LuaError("unknown hash mech");
            }
        }

        static Hasher hmac(String algorithm, byte[] key) {
            try {
                Mac mac = Mac.getInstance("Hmac" + algorithm.replace("-", ""));
                // an empty key is legal for HMAC but not for SecretKeySpec: pad it as HMAC does anyway
                mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HMAC"));
                return new Hasher(null, mac);
            } catch (GeneralSecurityException e) {
                throw new LuaError("unknown hash mech");
            }
        }

        void update(byte[] data) {
            if (mac != null) {
                mac.update(data);
            } else {
                digest.update(data);
            }
        }

        byte[] finish() {
            return mac != null ? mac.doFinal() : digest.digest();
        }

        @Override
        public int heapBytes() {
            return HASH_CONTEXT_BYTES;
        }
    }
}
