//! The word lists of the suggestion rules (quotes, speakers, titled actors) as plain data, so
//! that a project can keep its own next to its schema. The defaults are general Arabic news
//! style; words are listed once in their plain form: attached و/ف (and for titles ب/ل/ك) are
//! handled by the rules, and spelling variants (أ/ا, ة/ه, ى/ي, diacritics) by the normal form
//! they are compared in. The engine is `suggest::rules`.

use serde::{Deserialize, Serialize};

/// What the rules look for, and the labels and relation they propose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SuggestionRules {
    /// Verbs (and their participles) that report speech: a quote in their sentence is
    /// proposed, with the verb's subject as its speaker.
    pub speech_verbs: Vec<String>,
    /// Nouns naming a statement: a quote that starts with one («بيان مشترك …») or follows one
    /// closely is proposed even without a verb.
    pub statement_nouns: Vec<String>,
    /// Titles that precede a person's name; an Actor is the title with the name after it.
    pub titles: Vec<String>,
    /// Words that end a name after a title (prepositions, conjunctions, particles).
    pub stop_words: Vec<String>,
    /// Opening and closing quotation marks.
    pub quote_pairs: Vec<(char, char)>,
    /// Fewest words inside quotation marks for a quote (shorter ones are names: «تويتر»).
    pub min_quote_words: usize,
    /// Most words of a name after a title.
    pub max_name_words: usize,
    /// Most words between a statement noun and the quote it introduces.
    pub statement_gap_words: usize,
    /// The label of proposed quotes.
    pub quote_label: String,
    /// The label of proposed actors and of the spans a speaker may be.
    pub actor_label: String,
    /// The relation from a quote to its speaker.
    pub speaker_relation: String,
}

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|&w| w.to_owned()).collect()
}

impl Default for SuggestionRules {
    // The default word lists are data, one list after another.
    #[allow(clippy::too_many_lines)]
    fn default() -> Self {
        Self {
            speech_verbs: words(&[
                "قال",
                "قالت",
                "قالوا",
                "يقول",
                "تقول",
                "أكد",
                "أكدت",
                "أكدوا",
                "يؤكد",
                "تؤكد",
                "أضاف",
                "أضافت",
                "أضافوا",
                "أعلن",
                "أعلنت",
                "أعلنوا",
                "صرح",
                "صرحت",
                "غرد",
                "غردت",
                "كتب",
                "كتبت",
                "أوضح",
                "أوضحت",
                "أشار",
                "أشارت",
                "دعا",
                "دعت",
                "دعوا",
                "شدد",
                "شددت",
                "طالب",
                "طالبت",
                "أفاد",
                "أفادت",
                "ذكر",
                "ذكرت",
                "نفى",
                "نفت",
                "اعتبر",
                "اعتبرت",
                "رأى",
                "رأت",
                "تابع",
                "تابعت",
                "أعرب",
                "أعربت",
                "حذر",
                "حذرت",
                "نقل",
                "نقلت",
                "قائلا",
                "قائلة",
                "قائلين",
                "مؤكدا",
                "مؤكدة",
                "مؤكدين",
                "مضيفا",
                "مضيفة",
                "مشددا",
                "مشددة",
                "مشددين",
                "داعيا",
                "داعية",
                "معتبرا",
                "معتبرة",
                "مشيرا",
                "مشيرة",
            ]),
            statement_nouns: words(&["بيان", "البيان", "تغريدة", "تصريح", "رسالة", "منشور", "كلمة"]),
            titles: words(&[
                "الفريق أول",
                "الفريق",
                "اللواء",
                "العميد",
                "العقيد",
                "المشير",
                "الرئيس",
                "رئيس",
                "نائب الرئيس",
                "رئيس الوزراء",
                "رئيس الحكومة",
                "وزير",
                "وزيرة",
                "الوزير",
                "الوزيرة",
                "السفير",
                "السفيرة",
                "المستشار",
                "المستشارة",
                "الأمين العام",
                "المبعوث",
                "المبعوثة",
                "الملك",
                "الأمير",
                "الشيخ",
                "الدكتور",
                "الدكتورة",
                "النائب",
                "النائبة",
                "المتحدث باسم",
                "المتحدثة باسم",
                "القائد",
                "قائد",
                "السيد",
                "السيدة",
            ]),
            stop_words: words(&[
                "في",
                "من",
                "على",
                "إلى",
                "عن",
                "مع",
                "بين",
                "عبر",
                "خلال",
                "منذ",
                "بعد",
                "قبل",
                "أن",
                "إن",
                "أنه",
                "إنه",
                "الذي",
                "التي",
                "الذين",
                "اللذين",
                "هذا",
                "هذه",
                "ذلك",
                "تلك",
                "كل",
                "كما",
                "ثم",
                "أو",
                "أم",
                "لا",
                "لم",
                "لن",
                "قد",
                "ما",
                "حيث",
                "عند",
                "أمس",
                "اليوم",
                "غدا",
                "يوم",
                "مساء",
                "صباح",
            ]),
            quote_pairs: vec![('«', '»'), ('“', '”'), ('"', '"')],
            min_quote_words: 3,
            max_name_words: 3,
            statement_gap_words: 4,
            quote_label: "Quote".to_owned(),
            actor_label: "Actor".to_owned(),
            speaker_relation: "speaker".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_as_ron_and_fills_missing_fields() {
        let rules = SuggestionRules::default();
        let text = ron::to_string(&rules).expect("writes");
        assert_eq!(ron::from_str::<SuggestionRules>(&text).expect("reads"), rules);
        let partial: SuggestionRules = ron::from_str("(titles: [\"الحاكم\"])").expect("reads");
        assert_eq!(partial.titles, ["الحاكم"]);
        assert_eq!(partial.speech_verbs, rules.speech_verbs);
    }
}
