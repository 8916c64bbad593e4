/// Whether a question asks what a treatment or test costs ("how much does car t cost without
/// insurance", "price of allergy tablets"). The shipped articles give no prices, on purpose:
/// they depend on the country, the insurer and the centre, so such a question is declined with
/// that reason rather than answered from a passage that only names the treatment. Asking for
/// a cheaper kind of a medicine ("are there cheaper versions of monoclonal antibodies") is a
/// question about biosimilars, not a price, and is answered.
public enum PriceRequest {
    public static func matches(words: [String]) -> Bool {
        words.contains { priceWords.contains($0) }
    }

    static let priceWords: Set<String> = ["cost", "costs", "price", "prices", "priced", "pricing", "expensive", "copay",
                                          "copays", "afford", "affordable"]
}
