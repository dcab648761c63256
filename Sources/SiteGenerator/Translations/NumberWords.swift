/// The words that carry a number, a date or a duration in English and French, for telling a changed
/// instruction ("for 7 days" → "for 10 days", "a week" → "a month", "twice" → "three times") from a reworded one.
///
/// Articles that are also numbers ("un", "one") and months that are also verbs ("may") are left out: they
/// change with the wording far more often than with the instruction, and the word beside them ("jour",
/// "week") changes with it anyway.
enum NumberWords {
    /// Whether a word (compared form, lower case) holds a digit, an `@` (an email) or is a number, date or
    /// duration word.
    static func isSensitive(_ word: String) -> Bool {
        if word.contains(where: { $0.isNumber || $0 == "@" }) { return true }
        let letters = String(word.filter { $0.isLetter || $0 == "'" || $0 == "’" }.map { $0 == "’" ? "'" : $0 })
        // French elides its articles: "l'année" is the word "année".
        let elided = letters.split(separator: "'").last.map(String.init) ?? letters
        return words.contains(letters) || words.contains(elided)
    }

    private static let words: Set<String> = {
        let english = """
            zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen \
            eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand once twice thrice half \
            dozen first second third fourth fifth sixth seventh eighth ninth tenth \
            minute minutes hour hours day days daily night nights week weeks weekly fortnight month months monthly year years \
            today tomorrow yesterday morning evening noon midnight \
            january february march april june july august september october november december \
            monday tuesday wednesday thursday friday saturday sunday
            """
        let french = """
            zéro deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente \
            quarante cinquante soixante cent cents mille fois demi demie moitié douzaine premier première deuxième troisième \
            quatrième cinquième minute minutes heure heures jour jours journée journées quotidien quotidienne nuit nuits \
            semaine semaines hebdomadaire quinzaine mois mensuel an ans année années aujourd'hui demain hier matin soir midi minuit \
            janvier février mars avril mai juin juillet août septembre octobre novembre décembre \
            lundi mardi mercredi jeudi vendredi samedi dimanche
            """
        return Set((english + " " + french).split(whereSeparator: { $0 == " " || $0.isNewline }).map(String.init))
    }()
}
