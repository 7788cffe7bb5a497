// SPDX-License-Identifier: GPL-3.0-or-later
// Places, people and organisations read from text: golden tables.
#include "analyzers/entity_extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct Text {
  std::string_view body;
  std::string_view headline = {};
  std::optional<int> year = 2022;
};

Entities read(const Text& text) {
  std::vector<FieldText> fields;
  if (!text.headline.empty()) fields.push_back({TextField::headline, 0, text.headline, 0});
  fields.push_back({TextField::body, 0, text.body, 0});
  EntityContext context;
  context.year = text.year;
  return EntityExtractor::builtin().extract(fields, context);
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : " | ") + item;
  return out;
}

// "Tehran (city, IR)" for each place.
std::string places(const Entities& e) {
  std::vector<std::string> items;
  for (const auto& p : e.places) {
    items.push_back(p.place.name + " (" + std::string(to_string(p.place.kind)) +
                    (p.place.country.empty() ? "" : ", " + p.place.country) + ")");
  }
  return joined(items);
}

std::string countries(const Entities& e) {
  std::vector<std::string> items;
  for (const auto& c : e.countries) items.push_back(c.code);
  return joined(items);
}

std::string names(const std::vector<NamedEntity>& list) {
  std::vector<std::string> items;
  for (const auto& entity : list) items.push_back(entity.name);
  return joined(items);
}

// "Edi Rama ×3" for each person and the number of their mentions.
std::string people_with_mentions(const Entities& e) {
  std::vector<std::string> items;
  for (const auto& person : e.people) {
    items.push_back(person.name + " ×" + std::to_string(person.mentions.size()));
  }
  return joined(items);
}

// --- places ---------------------------------------------------------------------------------

struct PlaceCase {
  Text text;
  std::string_view places;
  std::string_view countries;
};

void PrintTo(const PlaceCase& c, std::ostream* os) { *os << '"' << c.text.body << '"'; }

class PlaceMentionTest : public testing::TestWithParam<PlaceCase> {};

TEST_P(PlaceMentionTest, ResolvesPlacesAndCountries) {
  const Entities e = read(GetParam().text);
  EXPECT_EQ(places(e), GetParam().places);
  EXPECT_EQ(countries(e), GetParam().countries);
}

INSTANTIATE_TEST_SUITE_P(
    Golden, PlaceMentionTest,
    testing::Values(
        // Demonyms add the country, not a place.
        PlaceCase{{"Iranian officials met Iranian clerics."}, "", "IR"},
        PlaceCase{
            {"Officials in Tehran said the Iranian delegation left."}, "Tehran (city, IR)", "IR"},
        // Historical and variant names.
        PlaceCase{{"The Teheran regime denied it."}, "Tehran (city, IR)", "IR"},
        PlaceCase{{"Trade between Peking and Bombay grew."},
                  "Beijing (city, CN) | Mumbai (city, IN)",
                  "CN | IN"},
        PlaceCase{{"Talks between the Soviet Union and West Germany resumed.", {}, 1987},
                  "Soviet Union (country, SU) | Germany (country, DE)",
                  "SU | DE"},
        PlaceCase{{"Moscow and Kiev signed a pact.", {}, 1987},
                  "Moscow (city, SU) | Kyiv (city, SU)",
                  "SU"},
        // Abbreviations, with their case.
        PlaceCase{{"The UAE and the U.S. signed a deal with the UK."},
                  "United Arab Emirates (country, AE) | United States (country, US) | "
                  "United Kingdom (country, GB)",
                  "AE | US | GB"},
        // Initials with points, as wire copy writes Hong Kong and New Zealand.
        PlaceCase{{"N.Z. money supply rose and H.K. deposits fell."},
                  "New Zealand (country, NZ) | Hong Kong (country, HK)",
                  "NZ | HK"},
        PlaceCase{{"He told us nothing about it."}, "", ""},
        // Common-word names need a preposition of place, and a namesake abroad is no match.
        PlaceCase{{"He grew up in Liberty, a town near the river."}, "Liberty (city, US)", "US"},
        PlaceCase{{"Liberty and justice were their watchwords."}, "", ""},
        PlaceCase{
            {"Members settled in camps Ashraf and Liberty in Iraq."}, "Iraq (country, IQ)", "IQ"},
        PlaceCase{{"The team flew to Split on Monday."}, "Split (city, HR)", "HR"},
        PlaceCase{{"The vote could Split the party, Reading said."}, "", ""},
        // A qualifier picks the namesake.
        PlaceCase{{"The plant in Portland, Maine, will close."},
                  "Portland (city, US) | Maine (region, US)",
                  "US"},
        // A country in a list is a country.
        PlaceCase{{"Attacks against Israel, Saudi-Arabia, Jordan, UAE, Kuwait and Cyprus."},
                  "Israel (country, IL) | Saudi Arabia (country, SA) | Jordan (country, JO) | "
                  "United Arab Emirates (country, AE) | Kuwait (country, KW) | "
                  "Cyprus (country, CY)",
                  "IL | SA | JO | AE | KW | CY"},
        // Regions are places without a country; "Balkan" names the Balkans.
        PlaceCase{{"The small Balkan country faces the Middle East."},
                  "Balkans (region) | Middle East (region)",
                  ""},
        // An e-government portal, money and tickers are not places.
        PlaceCase{{"The e-Albania portal was down."}, "", ""},
        PlaceCase{{"The Swiss franc rose against the U.S. dollar."}, "", ""},
        PlaceCase{{"Texaco Inc <TX> and <Dominion Textile of Montreal> said."}, "", ""},
        // A capital in an organisation's name tells its country, as a country, not a place.
        PlaceCase{{"The Bank of Tokyo raised its rates."}, "", "JP"},
        // A region's adjective of two words: "American" there is not the United States.
        PlaceCase{{"Debts of Latin American and West African states grew."},
                  "Latin America (region) | West Africa (region)",
                  ""},
        // Agreements, clubs, summits and trade rounds named after where they were made.
        PlaceCase{
            {"The Paris accord held, the Paris Club agreed and the Venice summit ended."}, "", ""},
        PlaceCase{{"Talks in the Uruguay Round resumed in Geneva."}, "Geneva (city, CH)", "CH"},
        // Waters named after a country, and cents of a currency.
        PlaceCase{{"Rigs in the Gulf of Mexico were shut."}, "", ""},
        PlaceCase{{"The Canadian dollar rose to 76.85 U.S. cts."}, "", ""},
        // A compound in an organisation's name is a name, not a Bristol-based firm.
        PlaceCase{{"Bristol-Myers Co said sales rose."}, "", ""},
        // A city's name that opened a company's name is the company, unless used as a place.
        PlaceCase{{"Dome Petroleum Ltd cut its debt. Dome said banks agreed."}, "", ""},
        PlaceCase{{"Dome Petroleum Ltd cut its debt. Its chief flew to Dome."},
                  "Dome (city, GH)",
                  "GH"}));

// What counts as naming a country (`CountryMentions::named`): not where a firm is from, the end
// of an organisation's name, or an example.
TEST(PlaceMentionTest, NamingACountryIsMoreThanDescribingSomethingElse) {
  const auto named = [](std::string_view body) {
    const Entities e = read({body});
    return e.countries.size() == 1 ? std::optional(e.countries[0].named) : std::nullopt;
  };
  EXPECT_EQ(named("The order went to NEC Corp of Japan."), 0u);
  EXPECT_EQ(named("Members of the United Steelworkers of America voted."), 0u);
  EXPECT_EQ(named("Producers such as Brazil cut output."), 0u);
  EXPECT_EQ(named("The deal was similar to Mexico's."), 0u);
  EXPECT_EQ(named("Prices fell, unlike Japan's."), 0u);
  // A role in the country, and the country in running text, name it.
  EXPECT_EQ(named("He met the President of Brazil."), 1u);
  EXPECT_EQ(named("Imports from Japan rose."), 1u);
}

TEST(PlaceMentionTest, MentionsCarryByteOffsets) {
  const std::string_view body = "Albania’s capital Tirana and Teheran.";
  const Entities e = read({body});
  ASSERT_EQ(e.places.size(), 3u);
  for (const auto& p : e.places) {
    ASSERT_EQ(p.mentions.size(), 1u);
    const Mention& m = p.mentions.front();
    EXPECT_EQ(m.field, TextField::body);
    const std::string_view text = body.substr(m.start, m.end - m.start);
    EXPECT_TRUE(text == "Albania" || text == "Tirana" || text == "Teheran") << text;
  }
}

// --- people and organisations ---------------------------------------------------------------

struct EntityCase {
  Text text;
  std::string_view people;
  std::string_view organizations;
};

void PrintTo(const EntityCase& c, std::ostream* os) { *os << '"' << c.text.body << '"'; }

class EntityTest : public testing::TestWithParam<EntityCase> {};

TEST_P(EntityTest, TypesNamesByTheirCues) {
  const Entities e = read(GetParam().text);
  EXPECT_EQ(names(e.people), GetParam().people);
  EXPECT_EQ(names(e.organizations), GetParam().organizations);
}

INSTANTIATE_TEST_SUITE_P(
    Golden, EntityTest,
    testing::Values(
        // Titles and roles.
        EntityCase{{"Supreme Leader of Iran Ali Khamenei spoke."}, "Ali Khamenei", ""},
        EntityCase{{"U.S. Treasury Secretary James Baker said the dollar was too low."},
                   "James Baker",
                   "U.S. Treasury"},
        EntityCase{{"Bank of England Governor Robin Leigh-Pemberton said rates would fall."},
                   "Robin Leigh-Pemberton",
                   "Bank of England"},
        EntityCase{{"The move was welcomed, said spokesman John Smith."}, "John Smith", ""},
        EntityCase{{"Chancellor Helmut Kohl of West Germany arrived."}, "Helmut Kohl", ""},
        EntityCase{{"Ali Tigrel, director of planning at the State Planning Organisation said."},
                   "Ali Tigrel",
                   "State Planning Organisation"},
        // Given names and verbs of saying.
        EntityCase{{"Michael Jordan scored forty points."}, "Michael Jordan", ""},
        EntityCase{{"Reagan said he would veto the bill."}, "Reagan", ""},
        // ...but an institution after "the", or an initial, that speaks is no person.
        EntityCase{{"Imports rose, the Treasury said. The Navy said it would buy ships."}, "", ""},
        EntityCase{{"The company's debt was cut, S and P said."}, "", ""},
        // News agencies are known organisations, however copy names them.
        EntityCase{
            {"Tanjug said prices rose. The New China News Agency agreed."}, "", "Tanjug | Xinhua"},
        // Organisation designators, the table, acronyms defined in the text.
        EntityCase{{"Chrysler Corp said sales fell. Chrysler also cut jobs."}, "", "Chrysler Corp"},
        // The headline comes first, yet its "X says" is the company the body names with its
        // designator, not a person.
        EntityCase{{"Bluefin Semiconductors Inc said attacks were rising.",
                    "Attacks on chips rising, Bluefin Semiconductors says"},
                   "",
                   "Bluefin Semiconductors Inc"},
        EntityCase{{"The International Monetary Fund and World Bank met in Washington."},
                   "",
                   "IMF | World Bank"},
        EntityCase{
            {"The Organisation for Economic Cooperation and Development said growth slowed."},
            "",
            "OECD"},
        EntityCase{{"The White House said it had no comment."}, "", "White House"},
        EntityCase{{"Members of Iran's resistance Mujaheddin-e Khalq movement (MEK) left. MEK "
                    "members settled."},
                   "",
                   "Mujaheddin-e Khalq"},
        EntityCase{{"NATO Member States were informed."}, "", "NATO"},
        // A country is never a person.
        EntityCase{{"Attacks hit Israel, Saudi-Arabia, Jordan, UAE and Kuwait."}, "", ""},
        // Capitals lines only repeat names found elsewhere.
        EntityCase{{"Treasury Secretary James Baker said the dollar was low.",
                    "BAKER SAYS DOLLAR TOO LOW"},
                   "James Baker",
                   ""},
        EntityCase{{"Prices rose.", "OPEC SEES HIGHER OIL PRICES"}, "", "OPEC"},
        // Arabic names keep their article and their father's name, even when it is a title.
        EntityCase{{"Minister Ali al-Rashid said prices would rise."}, "Ali al-Rashid", ""},
        EntityCase{{"The talks were attended by President Sheikh Zaid bin Sultan al-Nahayan."},
                   "Zaid bin Sultan al-Nahayan",
                   ""},
        EntityCase{{"Its ruler Sheikh Sultan bin Mohammed al-Qassimi had abdicated."},
                   "Sultan bin Mohammed al-Qassimi",
                   ""},
        // A name before "newspaper" is the newspaper's.
        EntityCase{
            {"The ministry told Al-Rai al-Aam newspaper Moscow would act."}, "", "Al-Rai al-Aam"}));

TEST(EntityTest, OneNamePerPersonWithEveryMention) {
  const Entities e =
      read({"Albania’s Prime Minister Edi Rama spoke. Later PM Rama said more. "
            "Rama then left."});
  ASSERT_EQ(e.people.size(), 1u);
  EXPECT_EQ(e.people[0].name, "Edi Rama");
  EXPECT_EQ(e.people[0].key, "edi rama");
  EXPECT_EQ(e.people[0].mentions.size(), 3u);
}

TEST(EntityTest, AShortFormMetFirstTakesTheFullName) {
  const Entities e = read({"PM Rama spoke first. Prime Minister Edi Rama then left."});
  ASSERT_EQ(e.people.size(), 1u);
  EXPECT_EQ(e.people[0].name, "Edi Rama");
  EXPECT_EQ(e.people[0].mentions.size(), 2u);
}

// Reuters calls "Ali al-Khalifa al-Sabah" "Sheikh Ali", and "Fadhil al-Chalabi" "al-Chalabi".
TEST(EntityTest, AnArabicNameIsCalledByItsFirstNameOrItsLast) {
  const Entities e =
      read({"Sheikh Ali said prices would rise. Oil Minister Sheikh Ali al-Khalifa al-Sabah spoke. "
            "OPEC Secretary General Fadhil al-Chalabi agreed, and later al-Chalabi said more."});
  EXPECT_EQ(people_with_mentions(e), "Ali al-Khalifa al-Sabah ×2 | Fadhil al-Chalabi ×2");
}

// "Jr" and "III" end a name, and are no surname: "Noland Jr" and "Robinson" are the people
// named before.
TEST(EntityTest, ANameKeepsItsSuffixAndIsCalledByTheSurnameBeforeIt) {
  const Entities e =
      read({"Chairman Lloyd U. Noland Jr said sales rose. Noland Jr added more. Chairman James "
            "Robinson III said it would grow. Robinson said more."});
  EXPECT_EQ(people_with_mentions(e), "Lloyd U. Noland Jr ×2 | James Robinson III ×2");
}

// "X said" makes X a person only when nothing says otherwise.
TEST(EntityTest, TheEndOfAnInstitutionsNameThatSpeaksIsNoPerson) {
  for (const char* text : {"The index rose 2 pct, the Central Bureau of Statistics said.",
                           "Exports fell, the Department of Trade and Industry said."}) {
    EXPECT_EQ(names(read({text}).people), "") << text;
  }
}

TEST(EntityTest, AFirmsShortNameIsTheFirmEvenWhenItIsAGivenName) {
  const Entities e = read({"Ford Motor Co raised prices. Ford said sales rose."});
  EXPECT_EQ(names(e.people), "");
  ASSERT_EQ(names(e.organizations), "Ford Motor Co");
  EXPECT_EQ(e.organizations[0].mentions.size(), 2u);
}

// Firms' names, many of them a person's: no person is found in these.
TEST(EntityTest, FirmsNamesHoldTheirLegalFormsAndTails) {
  struct Case {
    std::string_view text;
    std::string_view organizations;
  };
  const Case cases[] = {
      // "X and Co": the firm of X, not the person X and a firm called "Co Inc".
      {"Bear Stearns and Co Inc priced the notes. Harris Upham and Co said it agreed, as did John "
       "Wiley and Sons and Lazard Freres et Cie.",
       "Bear Stearns and Co Inc | Harris Upham and Co | John Wiley and Sons | Lazard Freres et "
       "Cie"},
      // A known firm's legal form and "and Co" are part of its name; a longer name with a
      // designator of its own, a subsidiary's, is another body.
      {"Merrill Lynch and Co Inc and Siemens AG led. Morgan Stanley Group Inc and the U.S. Federal "
       "Reserve Board agreed. Chase Manhattan Bank N.A. said nothing.",
       "Merrill Lynch | Siemens AG | Morgan Stanley Group Inc | Federal Reserve | Chase Manhattan"},
      // Partners listed before "and Co"; a firm's "Inc." before "He" ends the sentence; a
      // legal form or credit rating alone names nothing.
      {"Goldman, Sachs and Co and Hambros Bank Ltd, Kidder, Peabody and Co led. Advest Inc. He "
       "said Citibank, N.A. was rated AA.",
       "Goldman, Sachs and Co | Hambros Bank Ltd | Kidder, Peabody and Co | Advest Inc | Citibank"},
      // Known names with a possessive; a point after a legal form before a capital ends a
      // sentence; "Savings and Loan" is one name.
      {"Moody's Investors Service Inc rated it A and Standard and Poor's Corp. Salomon Brothers "
       "Inc co-managed. First Federal Savings and Loan Association said nothing.",
       "Moody's Investors Service | Standard and Poor's | Salomon Brothers | "
       "First Federal Savings and Loan Association"},
      // A word in capitals before a firm's name is its first; the rest of it after the
      // capitals does not speak as a person.
      {"BMC Industries Inc and JWT Group Inc agreed, and AMR Corp's American Airlines declined. "
       "RJR Nabisco said nothing.",
       "BMC Industries Inc | JWT Group Inc | AMR Corp | American Airlines | RJR"},
  };
  for (const Case& c : cases) {
    const Entities e = read({std::string(c.text)});
    EXPECT_EQ(names(e.people), "") << c.text;
    EXPECT_EQ(names(e.organizations), c.organizations) << c.text;
  }
}

// A plural ends no person's name: a party's members are an organisation, officials nothing.
TEST(EntityTest, PluralsNameNoPerson) {
  const Entities e =
      read({"Talks will resume soon, U.S. Officials said. The Christian Democrats "
            "and Senate Republicans agreed."});
  EXPECT_EQ(names(e.people), "");
  EXPECT_EQ(names(e.organizations), "Christian Democrats | Senate Republicans");
}

// A role's employer: firms named after people are no people.
TEST(EntityTest, TheEmployerAfterARoleIsAnOrganization) {
  const Entities e = read(
      {"\"It is fine,\" said Lawrence Cohn, analyst with Merrill Lynch. David Jones, an economist "
       "at Aubrey G. Lanston, agreed. Merrill Lynch co-managed the deal."});
  EXPECT_EQ(names(e.people), "Lawrence Cohn | David Jones");
  EXPECT_EQ(names(e.organizations), "Merrill Lynch | Aubrey G. Lanston");
}

TEST(EntityTest, AcronymsDefinedInTheTextAreAliases) {
  struct Case {
    std::string_view text;
    std::string_view name;
    std::string_view alias;
  };
  // AKSHI is Albanian: the English name does not spell it, and the name before the brackets
  // takes it.
  for (const Case& c :
       {Case{"The Mujaheddin-e Khalq movement (MEK) moved. MEK members left.", "Mujaheddin-e Khalq",
             "MEK"},
        Case{"The National Agency for Information Society (AKSHI) said systems were restored. "
             "AKSHI staff worked overnight.",
             "National Agency for Information Society", "AKSHI"}}) {
    const Entities e = read({c.text});
    ASSERT_EQ(e.organizations.size(), 1u) << c.text;
    EXPECT_EQ(e.organizations[0].name, c.name);
    EXPECT_THAT(e.organizations[0].aliases, ElementsAre(c.alias));
    EXPECT_EQ(e.organizations[0].mentions.size(), 3u);
  }
}

TEST(EntityTest, ACountryInBracketsIsNoAliasOfAFirm) {
  // It says where the firm is.
  const Entities e = read({"Toshiba Information Systems (UK) said sales rose."});
  ASSERT_EQ(e.organizations.size(), 1u);
  EXPECT_THAT(e.organizations[0].aliases, IsEmpty());
  // Before a designator, it is part of the name: "FE" is the Far East, no organisation.
  const Entities region = read({"It will sell Chemical Industries (FE) Ltd, the firm said."});
  ASSERT_EQ(region.organizations.size(), 1u);
  EXPECT_EQ(region.organizations[0].name, "Chemical Industries");
  EXPECT_THAT(region.organizations[0].aliases, IsEmpty());
}

TEST(EntityTest, LowerCaseCaptionsRepeatKnownNames) {
  const std::vector<FieldText> fields = {
      {TextField::caption, 0, "ali khamenei edi rama members", 0},
      {TextField::body, 0, "Supreme Leader Ali Khamenei met Prime Minister Edi Rama.", 0}};
  const Entities e = EntityExtractor::builtin().extract(fields, EntityContext{});
  ASSERT_EQ(e.people.size(), 2u);
  for (const NamedEntity& person : e.people) {
    ASSERT_EQ(person.mentions.size(), 2u) << person.name;
    EXPECT_EQ(person.mentions.front().field, TextField::caption) << person.name;
  }
  EXPECT_THAT(e.organizations, IsEmpty());
}

TEST(EntityTest, SkipsTheDateline) {
  const std::string_view body = "Tirana, Albania – (Tirana Echo) – The government met.";
  const std::vector<FieldText> fields = {{TextField::body, 0, body, body.find("The")}};
  const Entities e = EntityExtractor::builtin().extract(fields, EntityContext{});
  EXPECT_THAT(e.places, IsEmpty());
  EXPECT_THAT(e.organizations, IsEmpty());
}

}  // namespace
}  // namespace newsdex
