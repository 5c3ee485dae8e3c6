package dev.lanyard.account.control;

import dev.lanyard.crypto.Hashes;
import dev.lanyard.crypto.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106, version 1.3) through Bouncy Castle, stored in the PHC string format that the reference
 * implementation, libsodium and other libraries read and write: {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash},
 * salt and hash in unpadded standard Base64. A 16-byte salt and a 32-byte hash, the reference's defaults.
 *
 * <p>Verification recomputes with the parameters written in the stored hash, so hashes made with other parameters
 * still verify until they are re-hashed, and compares in constant time. argon2 reads the whole password: no 72-byte
 * limit and so no pre-hash.
 */
final class Argon2idHashes implements PasswordHashes {

    private static final String PREFIX = "$argon2id$";
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,8})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

    /** Argon2's cost: memory in KiB, passes over it, and lanes computed in parallel. */
    record Parameters(int memoryKib, int iterations, int parallelism) {

        /** OWASP's minimum for argon2id (Password Storage Cheat Sheet): 19 MiB, 2 passes, 1 lane. */
        static final Parameters OWASP_MINIMUM = new Parameters(19_456, 2, 1);

        Parameters {
            if (parallelism < 1 || parallelism > 0xFFFFFF) {
                throw new IllegalArgumentException(
                        "argon2 parallelism must be between 1 and 16777215, not " + parallelism);
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("argon2 iterations must be at least 1, not " + iterations);
            }
            if (memoryKib < 8 * parallelism) {
                throw new IllegalArgumentException("argon2 memory must be at least 8 KiB a lane (" + 8 * parallelism
                        + " KiB), not " + memoryKib + " KiB");
            }
        }

        String phc() {
            return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
        }
    }

    /** A stored hash taken apart. */
    private record Stored(Parameters parameters, byte[] salt, byte[] hash) {}

    private final Parameters parameters;

    Argon2idHashes(Parameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public boolean recognises(String hash) {
        return hash.startsWith(PREFIX);
    }

    @Override
    public String hash(String password) {
        byte[] salt = Secrets.bytes(SALT_BYTES);
        byte[] hash = derive(password, parameters, salt, HASH_BYTES);
        return PREFIX + "v=19$" + parameters.phc() + "$" + BASE64.encodeToString(salt) + "$"
                + BASE64.encodeToString(hash);
    }

    @Override
    public boolean verify(String password, String hash) {
        return parse(hash)
                .map(stored -> Hashes.same(
                        stored.hash(), derive(password, stored.parameters(), stored.salt(), stored.hash().length)))
                .orElse(false);
    }

    @Override
    public boolean isCurrent(String hash) {
        return parse(hash)
                .filter(stored -> stored.parameters().equals(parameters)
                        && stored.salt().length == SALT_BYTES
                        && stored.hash().length == HASH_BYTES)
                .isPresent();
    }

    /** The parts of a PHC string; none when it is not a well-formed argon2id hash of version 19. */
    private static Optional<Stored> parse(String hash) {
        Matcher phc = PHC.matcher(hash);
        if (!phc.matches()) {
            return Optional.empty();
        }
        try {
            var stored = new Stored(
                    new Parameters(
                            Integer.parseInt(phc.group(1)),
                            Integer.parseInt(phc.group(2)),
                            Integer.parseInt(phc.group(3))),
                    Base64.getDecoder().decode(phc.group(4)),
                    Base64.getDecoder().decode(phc.group(5)));
            // Argon2's own bounds: a salt of at least 8 bytes, a tag of at least 4.
            return stored.salt().length >= 8 && stored.hash().length >= 4 ? Optional.of(stored) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static byte[] derive(String password, Parameters parameters, byte[] salt, int length) {
        var generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKib())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
