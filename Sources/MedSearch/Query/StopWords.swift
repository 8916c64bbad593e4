/// Words that carry no topic: English function words, question words and the chatter of
/// consumer messages ("hello", "please", "thanks"). They are dropped before the MATCH
/// expression is built, because FTS5 scores every row an OR query matches and these words
/// match almost every row.
public enum StopWords {
    public static func contains(_ word: String) -> Bool {
        word.count <= 1 || list.contains(word)
    }

    static let list: Set<String> = Set([
        // function words
        "a", "an", "the", "and", "or", "but", "if", "of", "at", "by", "for", "with", "about",
        "into", "through", "to", "from", "in", "on", "off", "over", "under", "again", "then",
        "once", "here", "there", "all", "any", "both", "each", "few", "more", "most", "other",
        "some", "such", "nor", "only", "own", "same", "so", "than", "too", "very", "just",
        "also", "as", "up", "out", "down", "until", "while", "during", "before", "after",
        "above", "below", "between", "not", "no", "because", "since", "even", "still", "yet", "ever",
        "else", "besides", "however", "although", "though", "either", "neither", "whether", "via", "per",
        // pronouns and auxiliaries
        "i", "me", "my", "myself", "we", "us", "our", "ours", "you", "your", "yours", "he",
        "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs",
        "this", "that", "these", "those", "am", "is", "are", "was", "were", "be", "been",
        "being", "do", "does", "did", "doing", "done", "have", "has", "had", "having", "can",
        "could", "will", "would", "shall", "should", "may", "might", "must", "im", "ive",
        "id", "ill", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "cant", "wont",
        "don", "doesn", "didn", "isn", "aren", "wasn", "won", "ve", "ll", "re",
        "hasn", "haven", "hadn", "weren", "couldn", "shouldn", "wouldn", "hasnt", "havent", "hadnt", "werent",
        "couldnt", "shouldnt", "wouldnt",
        // question words
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whats",
        "thats", "theres", "hes", "shes", "youre", "theyre", "weve", "youve", "theyve",
        // chatter of consumer messages
        "please", "pls", "plz", "thanks", "thank", "thankyou", "hello", "hi", "hey", "dear",
        "sir", "madam", "regards", "sincerely", "greetings", "kindly", "know", "tell",
        "want", "wanted", "wondering", "wonder", "like", "would", "question", "questions",
        "ask", "asking", "answer", "regarding", "concerning", "information", "info", "anyone",
        "someone", "something", "anything", "everything", "really", "much", "many", "lot",
        "lots", "thing", "things", "etc", "ok", "okay", "yes", "get", "got", "getting",
        "one", "let", "maybe", "well", "way", "would", "able", "go", "going", "said", "say",
        "says", "see", "seem", "seems", "look", "looking", "find", "found", "give", "make",
        "take", "use", "used", "using", "mr", "mrs",
    ])
}
