import Testing
@testable import MedSearch

/// The question's words reach the Corpus's own wording: lay names its clinical ones, brands
/// their generic or class (`Synonyms`).
@Suite struct VocabularyTests {
    /// A lay name finds the clinical one the Corpus uses: "low blood sugar" is hypoglycaemia.
    @Test func aLayNameFindsTheClinicalOne() throws {
        let first = try AbsentWordTests.first("low blood sugar symptoms")
        #expect(first.passage == "type-1-diabetes#6", "\(first.found)")
    }

    /// "genetic" finds the Corpus's own wording: migraine "tends to run in families".
    @Test func aConsumerWordFindsTheArticlesPhrase() throws {
        let first = try AbsentWordTests.first("are migraines genetic")
        #expect(first.passage == "migraine#1", "\(first.found)")
    }

    /// A brand the Corpus never names finds the generic it does name; a drug named only by its
    /// class finds the class.
    @Test(arguments: [("what is adcetris used for", "immunotherapy-lymphoma-leukemia"),
                      ("is it ok to use symbicort as my rescue inhaler", "asthma"),
                      ("propranolol and allergy shots", "allergy-shots"), ("ramipril dry cough", "high-blood-pressure"),
                      ("does taltz cause thrush", "biologics-psoriasis"), ("can an epipen go through jeans", "anaphylaxis-epinephrine"),
                      ("how long until nasacort works", "hay-fever"),
                      ("the epi worked, do we still need the ER", "anaphylaxis-epinephrine"),
                      ("my GI doctor wants me on entyvio for my UC", "biologics-inflammatory-bowel-disease"),
                      ("switching from ivig to subq at home", "immunoglobulin-replacement-therapy"),
                      ("flonase nosebleeds", "hay-fever"),
                      ("can kids grow out of getting sick so often", "recurrent-infections"),
                      ("does immunotherapy actually cure people or does it just buy some time", "immunotherapy-overview"),
                      ("can bubble boy disease be treated", "primary-immunodeficiency"),
                      ("is it fine to only use my blue puffer when needed", "asthma"),
                      ("what's wrong with only using ventolin when i need it", "asthma"),
                      ("what else besides cancer is immunotherapy used for", "immunotherapy-overview"),
                      ("can SCID be picked up in newborn screening", "primary-immunodeficiency"),
                      ("how well does skyrizi clear psoriasis", "biologics-psoriasis"),
                      ("does obesity raise blood pressure", "high-blood-pressure"), ("epipen expired still use", "anaphylaxis-epinephrine"),
                      ("what are the pros and cons of scig compared with ivig", "immunoglobulin-replacement-therapy"),
                      ("how do i stop my kids passing strep around", "strep-throat"),
                      ("why do i keep breaking out in hives for no reason", "hives")])
    func aBrandFindsItsGenericOrClass(question: String, article: String) throws {
        let first = try AbsentWordTests.first(question)
        #expect(first.article == article, "\(first.found)")
    }
}
