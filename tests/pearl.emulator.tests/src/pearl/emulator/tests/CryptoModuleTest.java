package pearl.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code crypto} against the published known-answer vectors (RFC 1321, FIPS 180, RFC 2202, RFC 4231, FIPS 197). */
class CryptoModuleTest {

    @Test
    void digestsOfAbcMatchTheStandards() {
        assertEquals(List.of(
                "900150983cd24fb0d6963f7d28e17f72",
                "a9993e364706816aba3e25717850c26c9cd0d89d",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
                "20\ta9993e364706816aba3e25717850c26c9cd0d89d"),
                LuaScripts.run(
                        "for _, a in ipairs({'md5', 'SHA1', 'sha256', 'Sha384', 'SHA512'}) do print(encoder.toHex(crypto.hash(a, 'abc'))) end",
                        "print(#crypto.sha1('abc'), encoder.toHex(crypto.sha1('abc')))"));
    }

    @Test
    void hmacsMatchRfc2202AndRfc4231() {
        assertEquals(List.of(
                "750c783e6ab0b503eaa86e310a5db738",
                "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
                LuaScripts.run(
                        "local data = 'what do ya want for nothing?'",
                        "print(encoder.toHex(crypto.hmac('MD5', data, 'Jefe')))",
                        "print(encoder.toHex(crypto.hmac('SHA1', data, 'Jefe')))",
                        "print(encoder.toHex(crypto.hmac('SHA256', data, 'Jefe')))",
                        "local h = crypto.new_hmac('sha256', 'Jefe') h:update('what do ya ') h:update('want for nothing?')",
                        "print(encoder.toHex(h:finalize()))"));
    }

    @Test
    void aRunningHashTakesPiecesAndAFileHashReadsSpiffs() {
        assertEquals(List.of(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                "false\tfile does not exist"),
                LuaScripts.run(
                        "local h = crypto.new_hash('SHA256') h:update('a') h:update('bc')",
                        "print(encoder.toHex(h:finalize()))",
                        "local f = file.open('abc.txt', 'w') f:write('abc') f:close()",
                        "print(encoder.toHex(crypto.fhash('sha256', 'abc.txt')))",
                        "print(pcall(crypto.fhash, 'sha256', 'none.txt'))"));
    }

    @Test
    void aesEncryptsTheFips197BlockAndZeroPads() {
        assertEquals(List.of(
                "69c4e0d86a7b0430d8cdb78070b4c55a",
                "00112233445566778899aabbccddeeff",
                "16\thi\t16",
                "true",
                "false\tunknown cipher: AES-XTS",
                "false\tcrypto op failed"),
                LuaScripts.run(
                        "local key = encoder.fromHex('000102030405060708090a0b0c0d0e0f')",
                        "local plain = encoder.fromHex('00112233445566778899aabbccddeeff')",
                        "local c = crypto.encrypt('AES-ECB', key, plain) print(encoder.toHex(c))",
                        "print(encoder.toHex(crypto.decrypt('AES-ECB', key, c)))",
                        "local p = crypto.decrypt('AES-CBC', key, crypto.encrypt('AES-CBC', key, 'hi', 'iv'), 'iv')",
                        "print(#p, p:sub(1, 2), #crypto.encrypt('AES-CBC', key, 'hi'))",
                        "print(p:sub(3) == ('\\0'):rep(14))",
                        "print(pcall(crypto.encrypt, 'AES-XTS', key, 'x'))",
                        "print(pcall(crypto.encrypt, 'AES-ECB', 'short', 'x'))"));
    }

    @Test
    void maskAndUnknownAlgorithmsFailAsTheFirmwareDoes() {
        assertEquals(List.of(
                "60606266",
                "false\tinvalid argument: mask",
                "false\tunknown hash mech",
                "false\tunknown hash mech"),
                LuaScripts.run(
                        "print(encoder.toHex(crypto.mask('abcd', '\\1\\2')))",
                        "print(pcall(crypto.mask, 'abcd', ''))",
                        "print(pcall(crypto.hash, 'SHA3', 'abc'))",
                        "print(pcall(crypto.new_hmac, 'md4', 'k'))"));
    }
}
