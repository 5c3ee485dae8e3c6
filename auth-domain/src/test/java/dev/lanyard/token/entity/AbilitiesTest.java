package dev.lanyard.token.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AbilitiesTest {

    @Nested
    class Creation {

        @Test
        void keepsTheOrderGivenAndCollapsesDuplicates() {
            assertThat(Abilities.of("write:posts", "read:posts", "write:posts").asList())
                    .containsExactly("write:posts", "read:posts");
            assertThat(Abilities.of(List.of("b", "a", "b", "a")).asList()).containsExactly("b", "a");
        }

        @Test
        void varargsAndCollectionAgree() {
            String[] names = {"read:posts", "*", "admin"};

            assertThat(Abilities.of(names).asList())
                    .isEqualTo(Abilities.of(Arrays.asList(names)).asList());
        }

        @ParameterizedTest
        @ValueSource(strings = {"read:posts", "admin", "*", "read:*", "posts.read", "a-b_c", "9lives", "*:read", "A"})
        void acceptsValidNames(String ability) {
            assertThat(Abilities.isValid(ability)).isTrue();
            assertThat(Abilities.of(ability).asList()).containsExactly(ability);
        }

        @Test
        void acceptsSixtyFourCharacters() {
            String longest = "a".repeat(64);

            assertThat(Abilities.of(longest).can(longest)).isTrue();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(
                strings = {
                    " ",
                    "read posts",
                    " admin",
                    "admin ",
                    "ünicode",
                    "read:pöst",
                    ":read",
                    "-admin",
                    ".admin",
                    "_admin",
                    "read/posts",
                    "admin\n",
                    "admin\u0000",
                    "read,write",
                    "\"admin\""
                })
        void rejectsInvalidNames(String ability) {
            assertThat(Abilities.isValid(ability)).isFalse();
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Abilities.of("admin", ability))
                    .withMessageContaining("'" + ability + "'");
        }

        @Test
        void rejectsSixtyFiveCharacters() {
            String tooLong = "a".repeat(65);

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Abilities.of(tooLong))
                    .withMessageContaining(tooLong);
        }

        @Test
        void namesTheFirstInvalidAbility() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Abilities.of("admin", "first bad", "second bad"))
                    .withMessageContaining("first bad")
                    .withMessageNotContaining("second bad");
        }

        @Test
        void acceptsFiftyAbilities() {
            assertThat(Abilities.of(numbered(50)).asList()).hasSize(50);
        }

        @Test
        void rejectsFiftyOneAbilities() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Abilities.of(numbered(51)))
                    .withMessageContaining("at most 50");
        }

        @Test
        void countsDistinctAbilitiesAgainstTheLimit() {
            List<String> fiftyWithRepeats = new ArrayList<>(numbered(50));
            fiftyWithRepeats.addAll(numbered(10));

            assertThat(Abilities.of(fiftyWithRepeats).asList()).hasSize(50);
        }

        @Test
        void isNotChangedByTheCollectionItCameFrom() {
            List<String> source = new ArrayList<>(List.of("read:posts"));
            Abilities abilities = Abilities.of(source);

            source.add("admin");

            assertThat(abilities.asList()).containsExactly("read:posts");
            assertThat(abilities.can("admin")).isFalse();
        }

        @Test
        void cannotBeChangedThroughItsList() {
            List<String> list = Abilities.of("read:posts").asList();

            assertThatThrownBy(() -> list.add("admin")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class AllAndNone {

        @Test
        void allIsTheWildcard() {
            assertThat(Abilities.all().asList()).containsExactly("*");
            assertThat(Abilities.all()).isEqualTo(Abilities.of("*"));
            assertThat(Abilities.all().isEmpty()).isFalse();
        }

        @Test
        void noneIsEmpty() {
            assertThat(Abilities.none().asList()).isEmpty();
            assertThat(Abilities.none().isEmpty()).isTrue();
            assertThat(Abilities.none()).isEqualTo(Abilities.of());
        }
    }

    @Nested
    class Can {

        private final Abilities readPosts = Abilities.of("read:posts", "admin");

        @Test
        void grantsAnExactMatch() {
            assertThat(readPosts.can("read:posts")).isTrue();
            assertThat(readPosts.can("admin")).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"write:posts", "read", "read:posts:all", "READ:POSTS", "Admin", "*"})
        void refusesAnythingElse(String ability) {
            assertThat(readPosts.can(ability)).isFalse();
        }

        @Test
        void wildcardGrantsEverything() {
            assertThat(Abilities.all().can("read:posts")).isTrue();
            assertThat(Abilities.all().can("anything.at_all")).isTrue();
            assertThat(Abilities.all().can("*")).isTrue();
            assertThat(Abilities.of("read:posts", "*").can("delete:users")).isTrue();
        }

        @Test
        void aStarInsideANameIsNoPattern() {
            assertThat(Abilities.of("read:*").can("read:posts")).isFalse();
            assertThat(Abilities.of("read:*").can("read:*")).isTrue();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"read posts", "ünicode"})
        void neverGrantsAMalformedName(String ability) {
            assertThat(Abilities.all().can(ability)).isFalse();
        }

        @Test
        void noneGrantsNothing() {
            assertThat(Abilities.none().can("read:posts")).isFalse();
            assertThat(Abilities.none().can("*")).isFalse();
        }

        @Test
        void canAllNeedsEveryOne() {
            assertThat(readPosts.canAll(List.of("read:posts", "admin"))).isTrue();
            assertThat(readPosts.canAll(List.of("read:posts", "write:posts"))).isFalse();
            assertThat(readPosts.canAll(List.of())).isTrue();
            assertThat(Abilities.all().canAll(List.of("read:posts", "write:posts")))
                    .isTrue();
        }

        @Test
        void canAnyNeedsOne() {
            assertThat(readPosts.canAny(List.of("write:posts", "admin"))).isTrue();
            assertThat(readPosts.canAny(List.of("write:posts", "delete:posts"))).isFalse();
            assertThat(readPosts.canAny(List.of())).isFalse();
            assertThat(Abilities.all().canAny(List.of())).isFalse();
        }
    }

    @Nested
    class Covers {

        @ParameterizedTest(name = "{0} covers {1}: {2}")
        @CsvSource(
                delimiter = ';',
                value = {
                    "*;                       *;                        true",
                    "*;                       read:posts;               true",
                    "*;                       read:posts,create:posts;  true",
                    "*;                       '';                       true",
                    "read:posts;              read:posts;               true",
                    "read:posts,create:posts; create:posts;             true",
                    "read:posts;              '';                       true",
                    "'';                      '';                       true",
                    "read:posts;              *;                        false",
                    "read:posts;              read:posts,create:posts;  false",
                    "read:posts;              create:posts;             false",
                    "read:*;                  read:posts;               false",
                    "'';                      read:posts;               false",
                    "'';                      *;                        false"
                })
        void grantsTheRequestedOnlyWhenEveryOneIsGranted(String held, String requested, boolean covered) {
            assertThat(abilities(held).covers(abilities(requested))).isEqualTo(covered);
        }

        private Abilities abilities(String commaSeparated) {
            return commaSeparated.isEmpty() ? Abilities.none() : Abilities.of(commaSeparated.split(","));
        }
    }

    @Nested
    class Equality {

        @Test
        void dependsOnContentNotOrder() {
            Abilities readWrite = Abilities.of("read:posts", "write:posts");
            Abilities writeRead = Abilities.of("write:posts", "read:posts", "write:posts");

            assertThat(readWrite).isEqualTo(writeRead).hasSameHashCodeAs(writeRead);
            assertThat(readWrite).isNotEqualTo(Abilities.of("read:posts")).isNotEqualTo(Abilities.all());
            assertThat(readWrite)
                    .isNotEqualTo(List.of("read:posts", "write:posts"))
                    .isNotEqualTo(null);
        }

        @Test
        void toStringListsTheAbilitiesInOrder() {
            assertThat(Abilities.of("read:posts", "*")).hasToString("Abilities[read:posts, *]");
            assertThat(Abilities.none()).hasToString("Abilities[]");
        }
    }

    @Nested
    class JsonStorage {

        @Test
        void writesACompactArrayInOrder() {
            assertThat(Abilities.of("read:posts", "*").toJson()).isEqualTo("[\"read:posts\",\"*\"]");
            assertThat(Abilities.all().toJson()).isEqualTo("[\"*\"]");
            assertThat(Abilities.none().toJson()).isEqualTo("[]");
        }

        @ParameterizedTest
        @ValueSource(strings = {"*", "read:posts", "read:posts,*", "b,a,c", "posts.read,a-b_c,read:*"})
        void roundTrips(String commaSeparated) {
            Abilities abilities = Abilities.of(commaSeparated.split(","));

            Abilities read = Abilities.fromJson(abilities.toJson());

            assertThat(read).isEqualTo(abilities);
            assertThat(read.asList()).containsExactly(commaSeparated.split(","));
        }

        @Test
        void roundTripsTheLimit() {
            Abilities fifty = Abilities.of(numbered(50));

            assertThat(Abilities.fromJson(fifty.toJson()).asList()).isEqualTo(fifty.asList());
        }

        @Test
        void readsWhitespaceAndCollapsesDuplicates() {
            assertThat(Abilities.fromJson(" [ \"a\" ,\n \"b\", \"a\" ] ").asList())
                    .containsExactly("a", "b");
            assertThat(Abilities.fromJson("[]")).isEqualTo(Abilities.none());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\n\t"})
        void readsNothingAsNone(String json) {
            assertThat(Abilities.fromJson(json)).isEqualTo(Abilities.none());
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "[",
                    "{",
                    "{\"a\":1}",
                    "\"admin\"",
                    "admin",
                    "[1]",
                    "[null]",
                    "[\"a\",[\"b\"]]",
                    "[\"read posts\"]",
                    "[\"\"]",
                    "[\"a\",]"
                })
        void refusesAnythingButAnArrayOfValidNames(String json) {
            assertThatIllegalArgumentException().isThrownBy(() -> Abilities.fromJson(json));
        }

        @Test
        void refusesMoreThanTheLimit() {
            String json = numbered(51).stream()
                    .map(name -> "\"" + name + "\"")
                    .toList()
                    .toString();

            assertThatIllegalArgumentException().isThrownBy(() -> Abilities.fromJson(json));
        }
    }

    @Nested
    class JpaConverter {

        private final AbilitiesConverter converter = new AbilitiesConverter();

        @Test
        void storesJson() {
            assertThat(converter.convertToDatabaseColumn(Abilities.of("read:posts", "*")))
                    .isEqualTo("[\"read:posts\",\"*\"]");
        }

        @Test
        void readsJson() {
            assertThat(converter.convertToEntityAttribute("[\"read:posts\",\"*\"]"))
                    .isEqualTo(Abilities.of("read:posts", "*"));
        }

        @Test
        void isNullSafe() {
            assertThat(converter.convertToDatabaseColumn(null)).isNull();
            assertThat(converter.convertToEntityAttribute(null)).isEqualTo(Abilities.none());
        }

        @Test
        void roundTrips() {
            Abilities abilities = Abilities.of("write:posts", "read:posts");

            assertThat(converter
                            .convertToEntityAttribute(converter.convertToDatabaseColumn(abilities))
                            .asList())
                    .containsExactly("write:posts", "read:posts");
        }
    }

    @Test
    void theLongestListThatIsAllowedFitsItsColumn() {
        List<String> longest = IntStream.range(0, Abilities.MAX_ABILITIES)
                .mapToObj(i -> String.format("%0" + Abilities.MAX_LENGTH + "d", i))
                .toList();

        assertThat(Abilities.of(longest).toJson()).hasSizeLessThanOrEqualTo(4000);
        assertThatIllegalArgumentException().isThrownBy(() -> Abilities.of("x".repeat(Abilities.MAX_LENGTH + 1)));
    }

    private static List<String> numbered(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "ability" + i).toList();
    }
}
