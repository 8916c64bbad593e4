/// Word classes used by the red-flag patterns, written `{name}` in a pattern.
///
/// Each class lists lay wordings and frequent misspellings of one idea
/// ("chest hurts", "chest presure", "chest tightness"). Words are single
/// normalised tokens (lowercase ASCII, no apostrophes: `cant`, `wont`).
/// Other misspellings of words of five letters or more are caught by
/// ``RedFlagFuzzyIndex`` (one typo), so classes only list the ones it misses.
enum RedFlagLexicon {
    static let classes: [String: [String]] = [
        // MARK: body parts
        "chest": ["chest", "chests", "sternum", "breastbone", "chset", "ches"],
        "throat": ["throat", "throats", "airway", "airways", "windpipe", "throught", "troat"],
        "mouthPart": ["tongue", "tounge", "tong", "lips", "lip", "mouth", "face", "throat", "uvula", "neck"],
        "face": ["face", "smile", "mouth", "lip", "lips", "cheek", "facial"],
        "limb": ["arm", "arms", "leg", "legs", "hand", "side", "face"],
        "armFaceSide": ["arm", "arms", "face", "side", "hand"],
        "oneSide": ["one", "left", "right", "half"],
        "radiateTarget": ["arm", "arms", "shoulder", "shoulders", "jaw", "neck", "back", "teeth"],
        "nose": ["nose", "nostril", "nostrils", "sinuses", "sinus"],
        "lipsOrSkin": ["lips", "lip", "face", "skin", "fingernails", "nails", "fingers", "tongue", "mouth"],

        // MARK: sensations and signs
        "pain": ["pain", "pains", "painful", "hurt", "hurts", "hurting", "ache", "aches", "aching", "achy",
                 "pressure", "presure", "preasure", "pressur", "tight", "tightness", "tightening", "squeezing",
                 "squeeze", "crushing", "heavy", "heaviness", "discomfort", "agony", "stabbing", "paine", "pian",
                 "hurst", "hurtin", "killing"],
        "crushing": ["crushing", "crushed", "elephant", "vice", "vise", "squeezing", "squeezed", "clenching", "clamping"],
        "radiate": ["radiating", "radiates", "radiate", "spreading", "spreads", "spread", "going", "goes",
                    "shooting", "shoots", "moving", "moves", "travelling", "traveling", "travels", "down"],
        "numb": ["numb", "numbness", "tingling", "tingly", "dead", "limp", "paralyzed", "paralysed", "paralysis"],
        "weak": ["weak", "weakness", "limp", "numb", "numbness", "heavy", "paralyzed", "paralysed", "useless", "floppy"],
        "droop": ["drooping", "droopy", "droops", "drooped", "droop", "sagging", "saggy", "sagged", "crooked",
                  "lopsided", "uneven", "slanted", "falling", "fallen", "dropped", "sideways"],
        "speech": ["speech", "words", "talking", "speaking", "talk", "speak", "talks", "speaks"],
        "slurred": ["slurred", "slurring", "slurry", "garbled", "jumbled", "mumbled", "mumbling", "garbling"],
        "garbled": ["slurred", "slurring", "slur", "slurry", "garbled", "jumbled", "muddled", "funny", "weird", "strange",
                    "wrong", "mumbled", "mumbling", "drunk"],
        "speak": ["speak", "talk", "talking", "speaking", "say", "form"],
        "speakWell": ["right", "properly", "clearly", "straight", "normally", "proper", "correctly", "sentences", "words"],
        "vision": ["vision", "sight", "eyesight"],
        "lose": ["lost", "lose", "losing", "loss", "gone", "went"],
        "swell": ["swelling", "swollen", "swell", "swells", "swelled", "puffing", "puffy", "blowing", "ballooning", "sweling", "swolen"],
        "closing": ["closing", "close", "closed", "closes", "tightening", "tight", "shutting", "shut", "constricting",
                    "narrowing", "blocked"],
        "blue": ["blue", "bluish", "blueish", "purple", "purplish", "grey", "gray", "greyish", "grayish", "dusky"],
        "fever": ["fever", "fevers", "feverish", "febrile", "temperature", "temp", "temps", "fevere", "fiver", "feaver", "fevr"],
        "sudden": ["sudden", "suddenly", "suddenley", "abruptly", "nowhere"],
        "confused": ["confused", "confusion", "disoriented", "disorientated", "delirious", "delirium", "incoherent",
                     "confussed", "confuzed", "consfused"],
        "intensifier": ["very", "really", "so", "extremely", "acting", "became", "become", "becoming", "suddenly",
                        "more", "seems", "seemed", "increasingly", "totally", "completely", "super"],

        // MARK: breathing
        "breathe": ["breathe", "breath", "breathing", "breathes", "breaths", "breth", "brethe", "breathin", "breate",
                    "breating", "brething", "breahte", "breathign"],
        "hardTo": ["hard", "difficult", "difficulty", "difficulties", "trouble", "struggling", "struggle", "struggles",
                   "labored", "laboured", "hardly", "problems", "problem", "issues", "harder"],
        "cannot": ["cant", "couldnt", "unable", "barely", "hardly", "wont"],
        "notVerb": ["not", "isnt", "arent", "wasnt", "doesnt", "dont", "didnt", "wont", "cant", "couldnt", "never", "stopped"],
        "choking": ["choking", "choked", "chocking", "choaking", "choke"],
        "inhaler": ["inhaler", "inhalers", "puffer", "nebulizer", "nebuliser", "albuterol", "ventolin", "salbutamol"],
        "working": ["working", "helping", "help", "work", "helps", "works", "doing"],
        "ribs": ["ribs", "rib", "chest", "belly", "stomach", "neck"],
        "retracting": ["sucking", "pulling", "caving", "sinking", "retracting", "retractions", "suck", "sucks", "pull"],

        // MARK: bleeding
        "bleeding": ["bleeding", "bleading", "bleding", "blooding", "hemorrhaging", "haemorrhaging",
                     "hemorrhage", "haemorrhage"],
        "bloodOrBleeding": ["blood", "bleeding", "bleading", "bleding", "wound", "cut", "nosebleed"],
        "aLot": ["alot", "lots", "heavily", "heavy", "badly", "profusely", "nonstop", "everywhere", "uncontrollably",
                 "tons", "loads"],
        "gushing": ["spurting", "gushing", "pouring", "squirting", "spraying", "spurts", "gushes", "pours"],
        "vomit": ["vomiting", "vomited", "vomitting", "vomit", "throwing", "threw", "puking", "puked", "coughing",
                  "coughed", "spitting", "spat"],
        "soaking": ["soaking", "soaked", "soak", "filling", "filled", "bleeding", "bled"],
        "pad": ["pad", "pads", "tampon", "tampons", "towel", "towels"],
        "stop": ["stop", "stopping", "stops", "quit", "slow", "slowing", "clot", "clotting"],
        "having": ["having", "haveing", "havin", "havng", "haivng", "experiencing"],
        "faint": ["faint", "fainting", "lightheaded", "dizzy", "woozy"],

        // MARK: seizures and consciousness
        "treatment": ["treatment", "treatments", "medication", "medications", "medicine", "medicines", "meds", "drugs",
                      "drug", "chemo", "chemotherapy", "therapy", "antibiotics", "antidepressants", "insulin", "steroids",
                      "levodopa", "dose", "pills", "tablets", "injections", "shots", "physio", "physiotherapy", "surgery",
                      "radiation", "radiotherapy", "immunotherapy", "rehab", "diet", "exercise", "stimulus"],
        "seizure": ["seizure", "seizures", "siezure", "siezures", "seazure", "seisure", "sezure", "seizur", "ceasure",
                    "seizer", "convulsion", "convulsions", "fit", "fits", "epileptic"],
        "seizing": ["seizing", "siezing", "convulsing", "convulsions", "fitting"],
        "shaking": ["shaking", "jerking", "twitching", "trembling", "thrashing", "jerky", "stiffening", "shaky"],
        "responding": ["responding", "responsive", "respond", "responds", "reacting", "answering", "moving"],
        "wake": ["wake", "waking", "woken", "awaken", "rouse", "arouse"],
        "unconscious": ["unconscious", "unresponsive", "unconcious", "unconsious", "unconscience", "comatose", "lifeless"],

        // MARK: anaphylaxis
        "anaphylaxis": ["anaphylaxis", "anaphylactic", "anaphalaxis", "anaphylatic", "anafalactic", "anaphalactic",
                        "anaphylaxsis", "anaphylactoid"],
        "allergen": ["allergic", "allergy", "allergies", "reaction", "anaphylaxis", "anaphylactic", "hives", "peanut",
                     "peanuts", "nut", "nuts", "cashew", "cashews", "shellfish", "shrimp", "prawns", "lobster",
                     "crab", "fish", "sesame", "bee", "wasp", "hornet", "sting", "stung", "penicillin", "amoxicillin",
                     "antibiotic", "antibiotics", "sulfa", "ibuprofen", "aspirin", "latex", "epipen", "allergen"],
        "epipen": ["epipen", "epi", "epinephrine", "adrenaline", "autoinjector", "auvi"],
        "used": ["used", "gave", "give", "giving", "injected", "administered", "jabbed"],

        // MARK: poisoning
        "ingested": ["drank", "drunk", "swallowed", "swalowed", "swollowed", "ate", "eaten", "ingested", "consumed",
                     "licked", "chewed", "sipped", "gulped", "drinking", "eating", "swallowing", "inhaled"],
        "poison": ["bleach", "antifreeze", "detergent", "pod", "pods", "battery", "batteries", "poison", "poisonous",
                   "chemicals", "chemical", "cleaner", "drano", "lye", "gasoline", "petrol", "kerosene", "pesticide",
                   "insecticide", "weedkiller", "roundup", "methanol", "ammonia", "mothballs", "magnets", "magnet",
                   "paraffin", "turpentine", "rodenticide", "fentanyl", "nicotine", "ethylene", "mushrooms",
                   "mushroom", "berries", "oleander", "hemlock", "foxglove", "cyanide", "arsenic", "solvent"],
        "took": ["took", "taken", "take", "swallowed", "ate", "eaten", "popped", "downed", "ingested", "drank"],
        "quantity": ["whole", "all", "bunch", "handful", "lot", "lots", "many", "several", "dozen", "bottle", "pack",
                     "packet", "box", "entire", "double", "triple", "multiple"],
        "pills": ["pills", "pill", "tablets", "tablet", "meds", "medicine", "medicines", "medication", "medications",
                  "dose", "doses", "tylenol", "paracetamol", "acetaminophen", "aspirin", "ibuprofen", "advil", "motrin", "oxycodone",
                  "xanax", "benadryl", "gummies", "vitamins", "capsules", "sleeping", "insulin", "bottle"],
        "overdosed": ["overdosed", "overdosing", "oded", "overdosd", "overdossed"],

        // MARK: meningitis
        "fade": ["fade", "fading", "disappear", "disappearing", "blanch", "blanching", "vanish", "lighten", "go"],

        // MARK: suicide and self-harm
        "selfRef": ["myself", "himself", "herself", "themselves", "themself", "myslef", "mysef", "meself", "ourselves"],
        "kill": ["kill", "killing", "kil", "off"],
        "wantTo": ["want", "wanna", "wants", "wanted", "wanting", "planning", "plan", "plans", "urge", "urges",
                   "tempted", "ready", "decided", "trying", "tried", "try", "wish", "wishing", "wishes"],
        "thinkAbout": ["thinking", "think", "thought", "thoughts", "considering", "consider", "contemplating",
                       "planning", "plan", "plans", "ideation", "fantasizing", "urges", "going", "gonna"],
        "die": ["die", "dead", "dying"],
        "endLife": ["end", "ending", "take", "taking", "finish"],
        "possessive": ["my", "his", "her", "their", "our", "own"],
        "harm": ["hurt", "hurting", "harm", "harming", "kill", "cut", "cutting", "burn", "burning", "injure"],
        "dontWant": ["dont", "doesnt", "didnt", "no", "nothing", "never"],
        "live": ["live", "living", "alive", "exist", "existing", "wake"],
        "suicidal": ["suicidal", "sucidal", "suicidle", "suicidel", "suisidal", "suicidial"],
        "suicide": ["suicide", "suiside", "sucide", "suicde", "suicid"],
    ]

    /// Real words that are one typo away from a symptom word but must never be
    /// read as it (`cooking` is not `choking`, `dropping` is not `drooping`).
    static let notMisspellings: Set<String> = [
        "cooking", "dropping", "smelling", "spelling", "selling", "breeding", "bleating", "shallow", "prison",
        "heaving", "hearth", "bloom", "flood", "strike", "stoke", "choose", "chose", "chore", "cheat", "chess",
        "heard", "fewer", "never", "fiver", "these", "those", "where", "there", "swelled", "dwelling", "sweating",
        "sweeping", "sleeping", "seeing", "feeling", "feeding", "reading", "speeding", "bleeding", "needing",
        "breakfast", "thought", "throws", "through", "though", "thread", "threat", "tongs", "tonight", "wanted",
        "pills", "ills", "fill", "fills", "filling", "killing", "kills", "skills", "seizures", "sizes",
        "chests", "crush", "brush", "breathes", "working", "walking", "talking", "taking", "making", "baking",
        "using", "losing", "closing", "closet", "alive", "olive", "blond", "blind", "blend", "bleed", "bleeds",
        "brand", "bread", "break", "breaks", "broke", "breast", "breasts", "pains", "paint", "paints", "point",
        "faint", "saint", "first", "worst", "wrist", "suites", "suited", "choice", "voice", "noise", "nurse",
        "horse", "worse", "house", "mouse", "stock", "strokes", "stroll", "stroller", "strong", "wrong",
        "tight", "right", "light", "night", "might", "sight", "fight", "eight", "weight", "height",
    ]
}
