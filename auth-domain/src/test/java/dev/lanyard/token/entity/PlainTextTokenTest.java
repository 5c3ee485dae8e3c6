package dev.lanyard.token.entity;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.lanyard.crypto.Hashes;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTokenTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";

    /** Checksum computed independently (Python's zlib.crc32), so this pins the format other clients rely on. */
    private static final String KNOWN_RANDOM_PART = "0123456789abcdefghijABCDEFGHIJklmnopqrst";

    private static final String KNOWN_CHECKSUM = "6d0f5a10";
    private static final String KNOWN_SECRET = "lny_" + KNOWN_RANDOM_PART + KNOWN_CHECKSUM;

    private SecureRandom random;

    @BeforeEach
    void seededRandom() throws NoSuchAlgorithmException {
        // seeded before first use, SHA1PRNG is deterministic, so a failure can be reproduced
        random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(42L);
    }

    @Nested
    class NewSecret {

        @Test
        void isPrefixThenFortyAlphanumericsThenTheirCrc32() {
            String secret = PlainTextToken.newSecret("lny_", random);

            assertThat(secret).hasSize(4 + 40 + 8).matches("lny_[A-Za-z0-9]{40}[0-9a-f]{8}");
            String randomPart = secret.substring(4, 44);
            assertThat(secret.substring(44)).isEqualTo(crc32Hex(randomPart));
        }

        @Test
        void thousandSecretsAreDistinctParseAndUseTheWholeAlphabet() {
            Set<String> secrets = new HashSet<>();
            Map<Character, Integer> counts = new TreeMap<>();
            for (int i = 0; i < 1000; i++) {
                String secret = PlainTextToken.newSecret("lny_", random);
                secrets.add(secret);

                assertThat(secret).matches("lny_[A-Za-z0-9]{40}[0-9a-f]{8}");
                assertThat(PlainTextToken.parse(secret)).hasValueSatisfying(token -> {
                    assertThat(token.id()).isNull();
                    assertThat(token.secret()).isEqualTo(secret);
                });
                secret.substring(4, 44).chars().forEach(c -> counts.merge((char) c, 1, Integer::sum));
            }

            assertThat(secrets).hasSize(1000);
            // 40,000 draws over 62 characters: about 645 each; the bounds are many standard deviations wide
            assertThat(counts).hasSize(ALPHABET.length());
            assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(450, 850));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "lny_", "_", "ABC_123", "abcdefghijklmnopqrstuvwxyz_01234"})
        void acceptsEveryValidPrefix(String prefix) {
            String secret = PlainTextToken.newSecret(prefix, random);

            assertThat(secret).startsWith(prefix).hasSize(prefix.length() + 48);
            assertThat(PlainTextToken.parse(secret)).map(PlainTextToken::secret).contains(secret);
            assertThat(PlainTextToken.isValidPrefix(prefix)).isTrue();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"lny-", "lny ", " ", "lny|", "pré_", "abcdefghijklmnopqrstuvwxyz_012345"})
        void rejectsAnInvalidPrefix(String prefix) {
            assertThat(PlainTextToken.isValidPrefix(prefix)).isFalse();
            assertThatIllegalArgumentException().isThrownBy(() -> PlainTextToken.newSecret(prefix, random));
        }

        @Test
        void requiresARandomSource() {
            assertThatNullPointerException().isThrownBy(() -> PlainTextToken.newSecret("lny_", null));
        }
    }

    @Nested
    class FormatAndParse {

        @Test
        void roundTripsWithAnId() {
            String secret = PlainTextToken.newSecret("lny_", random);

            String presented = PlainTextToken.format(42, secret);

            assertThat(presented).isEqualTo("42|" + secret);
            assertThat(PlainTextToken.parse(presented)).hasValueSatisfying(token -> {
                assertThat(token.hasId()).isTrue();
                assertThat(token.id()).isEqualTo(42L);
                assertThat(token.secret()).isEqualTo(secret);
            });
        }

        @Test
        void roundTripsWithoutAnId() {
            String secret = PlainTextToken.newSecret("lny_", random);

            assertThat(PlainTextToken.parse(secret)).hasValueSatisfying(token -> {
                assertThat(token.hasId()).isFalse();
                assertThat(token.id()).isNull();
                assertThat(token.secret()).isEqualTo(secret);
            });
        }

        @Test
        void readsTheKnownVector() {
            assertThat(PlainTextToken.parse("7|" + KNOWN_SECRET)).contains(new PlainTextToken(7L, KNOWN_SECRET));
        }

        @Test
        void acceptsTheLargestLongAsId() {
            assertThat(PlainTextToken.parse(Long.MAX_VALUE + "|" + KNOWN_SECRET))
                    .map(PlainTextToken::id)
                    .contains(Long.MAX_VALUE);
        }

        @Test
        void acceptsASecretWithoutPrefix() {
            String secret = KNOWN_RANDOM_PART + KNOWN_CHECKSUM;

            assertThat(PlainTextToken.parse("1|" + secret))
                    .map(PlainTextToken::secret)
                    .contains(secret);
        }

        @Test
        void acceptsAPrefixOfThirtyTwoCharacters() {
            String secret = "a".repeat(32) + KNOWN_RANDOM_PART + KNOWN_CHECKSUM;

            assertThat(PlainTextToken.parse("1|" + secret))
                    .map(PlainTextToken::secret)
                    .contains(secret);
        }

        @Test
        void leavesASwappedIdToTheHashComparison() {
            String secret = PlainTextToken.newSecret("lny_", random);
            String presented = PlainTextToken.format(5, secret).replaceFirst("^5\\|", "6|");

            assertThat(PlainTextToken.parse(presented)).contains(new PlainTextToken(6L, secret));
        }

        @Test
        void formatRefusesWhatParseWouldRefuse() {
            assertThatIllegalArgumentException().isThrownBy(() -> PlainTextToken.format(0, KNOWN_SECRET));
            assertThatIllegalArgumentException().isThrownBy(() -> PlainTextToken.format(-1, KNOWN_SECRET));
            assertThatIllegalArgumentException().isThrownBy(() -> PlainTextToken.format(1, "test"));
            assertThatIllegalArgumentException().isThrownBy(() -> PlainTextToken.format(1, null));
        }

        @Test
        void constructorRefusesMalformedTokensWithoutEchoingTheSecret() {
            String wrongChecksum = "lny_" + KNOWN_RANDOM_PART + "00000000";

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new PlainTextToken(1L, wrongChecksum))
                    .withMessageNotContaining(KNOWN_RANDOM_PART);
            assertThatIllegalArgumentException().isThrownBy(() -> new PlainTextToken(0L, KNOWN_SECRET));
            assertThatIllegalArgumentException().isThrownBy(() -> new PlainTextToken(null, null));
        }
    }

    @Nested
    class ParseRefuses {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(
                strings = {
                    " ",
                    "|",
                    "test",
                    "|test",
                    "1ABC|test",
                    "1ABC|",
                    "1,2|test",
                    "Bearer",
                    "Bearer |test",
                    "Bearer 1,2|test",
                    "Bearer 1ABC|test",
                    "Bearer 1ABC|",
                    "1|",
                    "||",
                    "\t\n"
                })
        void garbage(String presented) {
            assertThat(PlainTextToken.parse(presented)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "0",
                    "-1",
                    "+1",
                    "01",
                    "00",
                    " 1",
                    "1 ",
                    "1.0",
                    "1e3",
                    "0x1",
                    "\u0661",
                    "\uff11",
                    "9223372036854775808",
                    "99999999999999999999",
                    "1|2",
                    "Bearer 1",
                    "10000000000000000000"
                })
        void aMalformedIdInFrontOfAValidSecret(String id) {
            assertThat(PlainTextToken.parse(id + "|" + KNOWN_SECRET)).isEmpty();
        }

        @Test
        void anEmptySecret() {
            assertThat(PlainTextToken.parse("1|")).isEmpty();
        }

        @Test
        void aWrongChecksum() {
            assertThat(PlainTextToken.parse("1|lny_" + KNOWN_RANDOM_PART + "6d0f5a11"))
                    .isEmpty();
        }

        @Test
        void anUppercaseChecksum() {
            String uppercase = KNOWN_CHECKSUM.toUpperCase(Locale.ROOT);

            assertThat(PlainTextToken.parse("1|lny_" + KNOWN_RANDOM_PART + uppercase))
                    .isEmpty();
        }

        @Test
        void aPrefixLongerThanThirtyTwoCharacters() {
            assertThat(PlainTextToken.parse("1|" + "a".repeat(33) + KNOWN_RANDOM_PART + KNOWN_CHECKSUM))
                    .isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"lny-", "lny ", "lny.", "lné_", "lny\u0000"})
        void aPrefixWithAForbiddenCharacter(String prefix) {
            assertThat(PlainTextToken.parse("1|" + prefix + KNOWN_RANDOM_PART + KNOWN_CHECKSUM))
                    .isEmpty();
        }

        @Test
        void aSecretShorterThanFortyEightCharacters() {
            String secret = KNOWN_RANDOM_PART.substring(1) + KNOWN_CHECKSUM;

            assertThat(PlainTextToken.parse("1|" + secret)).isEmpty();
        }

        @Test
        void aRandomPartThatIsNotAllAlphanumeric() {
            // with one random character dropped, the prefix's underscore slides into the random part
            String secret = "lny_" + KNOWN_RANDOM_PART.substring(1) + KNOWN_CHECKSUM;

            assertThat(PlainTextToken.parse("1|" + secret)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {" ", "\n", "|", "é", "_"})
        void trailingCharacters(String suffix) {
            assertThat(PlainTextToken.parse("1|" + KNOWN_SECRET + suffix)).isEmpty();
        }

        @Test
        void inputLongerThan128Characters() {
            assertThat(PlainTextToken.parse("1|" + "a".repeat(200) + KNOWN_SECRET))
                    .isEmpty();
        }

        @Test
        void everySingleCharacterChangeInTheRandomPart() {
            String secret = PlainTextToken.newSecret("lny_", random);
            for (int position = 4; position < 44; position++) {
                for (char replacement : ALPHABET.toCharArray()) {
                    if (replacement != secret.charAt(position)) {
                        String changed = replaceAt(secret, position, replacement);
                        assertThat(PlainTextToken.parse("1|" + changed))
                                .as(changed)
                                .isEmpty();
                    }
                }
            }
        }

        @Test
        void everySingleCharacterChangeInTheChecksum() {
            String secret = PlainTextToken.newSecret("lny_", random);
            for (int position = 44; position < 52; position++) {
                for (char replacement : HEX.toCharArray()) {
                    if (replacement != secret.charAt(position)) {
                        String changed = replaceAt(secret, position, replacement);
                        assertThat(PlainTextToken.parse("1|" + changed))
                                .as(changed)
                                .isEmpty();
                    }
                }
            }
        }

        @Test
        void withoutEverThrowing() {
            // plain Random is enough to produce junk; it only has to be reproducible
            Random junk = new Random(7);
            String characters = "|0123456789aZ_ -+é\u0000" + ALPHABET;
            for (int i = 0; i < 10_000; i++) {
                StringBuilder presented = new StringBuilder();
                int length = junk.nextInt(140);
                for (int j = 0; j < length; j++) {
                    presented.append(characters.charAt(junk.nextInt(characters.length())));
                }
                assertThatCode(() -> PlainTextToken.parse(presented.toString())).doesNotThrowAnyException();
            }
        }
    }

    @Nested
    class Hashing {

        @Test
        void hashesTheSecretAloneNotTheId() {
            PlainTextToken withId = PlainTextToken.parse("1|" + KNOWN_SECRET).orElseThrow();
            PlainTextToken withOtherId =
                    PlainTextToken.parse("2|" + KNOWN_SECRET).orElseThrow();
            PlainTextToken withoutId = PlainTextToken.parse(KNOWN_SECRET).orElseThrow();

            assertThat(withId.sha256Hex())
                    .isEqualTo(Hashes.sha256Hex(KNOWN_SECRET))
                    .isEqualTo(withOtherId.sha256Hex())
                    .isEqualTo(withoutId.sha256Hex())
                    .matches("[0-9a-f]{64}");
        }
    }

    @Test
    void toStringHidesTheSecret() {
        PlainTextToken withId = new PlainTextToken(5L, KNOWN_SECRET);
        PlainTextToken withoutId = new PlainTextToken(null, KNOWN_SECRET);

        assertThat(withId).hasToString("PlainTextToken[id=5, secret=***]");
        assertThat(withoutId).hasToString("PlainTextToken[id=null, secret=***]");
        assertThat(withId.toString()).doesNotContain(KNOWN_RANDOM_PART).doesNotContain(KNOWN_CHECKSUM);
    }

    private static String crc32Hex(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(US_ASCII));
        return String.format("%08x", crc.getValue());
    }

    private static String replaceAt(String text, int position, char replacement) {
        return text.substring(0, position) + replacement + text.substring(position + 1);
    }
}
