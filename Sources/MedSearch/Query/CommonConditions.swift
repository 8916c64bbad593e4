/// Common conditions people ask about, by their everyday names. An index covers one when a
/// passage names it in its title, heading or keywords, or three or more mention it;
/// `SearchEngine` asks the index. A question
/// about a condition the index does not cover, whose other topic words no passage names either
/// ("what causes kidney stones", "stage 3 pancreatic cancer survival rate"), is declined: the
/// passage that mentions it in passing (kidney stones among the risks for a UTI) is not about it.
/// So is a shorter question whose best passage does not mention the condition at all, whatever
/// else it names ("IVIG for long covid"), unless the condition is a cancer ("CAR-T for breast
/// cancer" is answered by where CAR-T is approved); see `SearchEngine.uncoveredCondition`.
/// Common medicines, tests and procedures count as conditions here: "statin muscle pain" is
/// not answered by chest pain, nor "donate blood after a flu shot" by the flu vaccine's myths.
public enum CommonConditions {
    /// The conditions `words` name, each as written in the list (longest match first).
    public static func named(in words: [String], stem: (String) -> String = PorterStemmer.stem) -> [[String]] {
        let stems = words.map(stem)
        var found: [[String]] = []
        var index = 0
        while index < stems.count {
            // Only the names starting with this word's stem are tried, without copying the words.
            if let match = byFirstStem[stems[index]]?.first(where: { stems[index...].starts(with: $0.stems) }) {
                found.append(match.words)
                index += match.stems.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether `condition` (as `named(in:)` gives it) is a cancer.
    public static func isCancer(_ condition: [String]) -> Bool {
        condition.last == "cancer" || condition.last == "tumor" || ["melanoma", "lymphoma", "leukemia", "myeloma"].contains(condition.last ?? "")
    }

    /// The list, longest names first, with their stems.
    static let stemmed: [(words: [String], stems: [String])] = (names + medicines + procedures)
        .map { TextTokenizer.words($0) }
        .map { ($0, $0.map(PorterStemmer.stem)) }
        .sorted { $0.stems.count > $1.stems.count }

    /// `stemmed` by the stem of each name's first word, longest names first: a long message's
    /// hundred words each try a handful of names, not all of them.
    static let byFirstStem: [String: [(words: [String], stems: [String])]] = Dictionary(grouping: stemmed.filter { !$0.stems.isEmpty },
                                                                                       by: { $0.stems[0] })

    static let names: [String] = [
        // infections
        "kidney stone", "kidney infection", "pink eye", "conjunctivitis", "cold sore", "canker sore", "mouth ulcer",
        "sinus infection", "sinusitis", "bronchitis", "pneumonia", "ear infection", "tonsillitis", "mono", "mononucleosis",
        "lyme disease", "measles", "mumps", "chickenpox", "whooping cough", "tetanus", "rsv", "covid", "norovirus",
        "stomach flu", "food poisoning", "yeast infection", "thrush", "athlete's foot", "ringworm", "head lice", "lice",
        "scabies", "warts", "impetigo", "cellulitis", "hiv", "hepatitis", "herpes", "chlamydia", "gonorrhea", "syphilis",
        "sepsis", "meningitis", "tuberculosis", "malaria", "group b strep", "staph infection", "mrsa", "long covid",
        "walking pneumonia", "croup", "hand foot and mouth disease", "fifth disease", "roseola", "swimmer's ear",
        "stye", "nail fungus", "jock itch", "bed bugs",
        // long-term conditions
        // Type 2 diabetes: "difference between type 1 and type 2 diabetes" names type 1 only
        // elliptically; as a comparison it is left to the ranking, and the type 1 article answers it.
        "type 2 diabetes", "gestational diabetes", "prediabetes", "hypothyroidism", "hyperthyroidism", "thyroid nodule",
        "high cholesterol", "heart failure", "atrial fibrillation", "afib", "arrhythmia", "varicose veins", "blood clot",
        "deep vein thrombosis", "anemia", "sickle cell", "hemophilia", "copd", "emphysema", "sleep apnea", "insomnia",
        "acid reflux", "gerd", "heartburn", "ibs", "irritable bowel syndrome", "gallstones", "gallbladder", "pancreatitis",
        "appendicitis", "diverticulitis", "hemorrhoids", "constipation", "lactose intolerance", "fatty liver", "cirrhosis",
        "kidney disease", "gout", "osteoarthritis", "osteoporosis", "fibromyalgia", "back pain", "lower back pain",
        "neck pain", "knee pain", "hip pain", "shoulder pain", "toothache", "menstrual cramps", "period cramps", "sciatica",
        "sprained ankle", "broken bone", "fracture", "tennis elbow", "rotator cuff", "shin splints", "heat stroke",
        "heat exhaustion", "sunburn", "frostbite", "poison ivy", "diaper rash", "heat rash", "seborrheic dermatitis",
        "spider bite", "tick bite", "dog bite", "heart murmur", "palpitations", "hereditary angioedema", "chronic fatigue syndrome",
        "plantar fasciitis", "carpal tunnel", "tendinitis", "bursitis", "arthritis in the knee", "acne", "rosacea",
        "dandruff", "hair loss", "vitiligo", "endometriosis", "pcos", "polycystic ovary syndrome", "menopause",
        "erectile dysfunction", "enlarged prostate", "infertility",
        // more everyday complaints and conditions
        "cold sores", "strep b", "earache", "nosebleed", "motion sickness", "dehydration", "hangover",
        "jet lag", "snoring", "bad breath", "dry mouth", "dry skin", "hair thinning", "pinworms", "tapeworm",
        "kawasaki disease", "bronchiolitis", "tonsil stones", "laryngitis", "cystitis", "prostatitis",
        "bacterial vaginosis", "ovarian cyst", "fibroids", "pms", "pmdd", "postpartum depression",
        "morning sickness", "preeclampsia", "miscarriage", "low testosterone", "goiter", "hashimoto",
        "graves disease", "addison's disease", "cushing's syndrome", "diabetes insipidus", "kidney failure",
        "dialysis", "liver disease", "hepatitis c", "hernia", "stomach ulcer", "peptic ulcer", "h pylori",
        "gastritis", "anal fissure", "ms hug", "restless leg syndrome", "trigeminal neuralgia", "aneurysm",
        "peripheral artery disease", "raynaud's", "pulmonary embolism", "high triglycerides",
        "heart palpitations", "angina", "myocarditis", "pericarditis",
        "sarcoidosis", "cystic fibrosis", "pulmonary fibrosis", "sleep paralysis", "narcolepsy", "ptsd",
        "ocd", "bipolar disorder", "schizophrenia", "eating disorder", "anorexia", "obesity", "osteopenia",
        "scoliosis", "herniated disc", "pinched nerve", "frozen shoulder", "plantar wart", "bunion",
        "ingrown toenail", "toenail fungus", "molluscum", "chalazion", "floaters", "lazy eye",
        "hearing loss", "tmj", "teething", "colic", "cradle cap", "newborn jaundice",
        // the mind and the nerves
        "depression", "anxiety", "panic attack", "adhd", "autism", "dementia", "alzheimer", "parkinson", "epilepsy",
        "seizure", "concussion", "cluster headache", "tension headache", "sinus headache", "tinnitus", "vertigo", "bell's palsy", "restless legs", "neuropathy",
        // eyes
        "cataract", "glaucoma", "macular degeneration", "dry eye",
        // cancers
        "breast cancer", "prostate cancer", "colon cancer", "colorectal cancer", "pancreatic cancer", "ovarian cancer",
        "cervical cancer", "skin cancer", "liver cancer", "stomach cancer", "thyroid cancer", "brain tumor",
        "bladder cancer", "kidney cancer", "lung cancer", "melanoma", "lymphoma", "leukemia", "myeloma",
        // the ones the shipped Corpus covers, so a question naming them is never taken for uncovered
        "asthma", "eczema", "hives", "hay fever", "food allergy", "anaphylaxis", "celiac disease", "lupus",
        "type 1 diabetes", "flu", "shingles", "strep throat", "urinary tract infection", "uti", "migraine",
        "high blood pressure", "heart attack", "stroke", "common cold", "fever", "psoriasis", "rheumatoid arthritis",
        "multiple sclerosis", "crohn's disease", "ulcerative colitis",
    ]

    /// Medicines people often ask about, generic and brand names (a name the lexicon maps to
    /// a class the articles name, such as amlodipine, is searched as that class too).
    static let medicines: [String] = [
        "statin", "atorvastatin", "lipitor", "rosuvastatin", "crestor", "simvastatin", "zocor", "pravastatin",
        "metformin", "glucophage", "ozempic", "semaglutide", "wegovy", "mounjaro", "tirzepatide", "zepbound",
        "jardiance", "empagliflozin", "farxiga", "trulicity", "januvia", "glipizide",
        "warfarin", "coumadin", "eliquis", "apixaban", "xarelto", "rivaroxaban", "clopidogrel", "plavix",
        "ssri", "sertraline", "zoloft", "fluoxetine", "prozac", "escitalopram", "lexapro", "citalopram", "paroxetine",
        "bupropion", "wellbutrin", "trazodone", "xanax", "alprazolam", "lorazepam", "ativan", "clonazepam", "klonopin",
        "adderall", "ritalin", "methylphenidate", "vyvanse", "lithium", "quetiapine", "seroquel",
        "gabapentin", "neurontin", "pregabalin", "lyrica", "tramadol", "oxycodone", "hydrocodone", "codeine", "morphine",
        "meloxicam", "celebrex", "omeprazole", "prilosec", "pantoprazole", "nexium", "famotidine", "pepcid",
        "ondansetron", "zofran", "miralax", "levothyroxine", "synthroid", "losartan", "hydrochlorothiazide",
        "azithromycin", "z pack", "doxycycline", "cephalexin", "keflex", "clindamycin", "levofloxacin",
        "finasteride", "propecia", "minoxidil", "rogaine", "viagra", "sildenafil", "cialis", "tamoxifen", "letrozole",
        "accutane", "isotretinoin", "tretinoin", "retinol", "melatonin", "vitamin d", "biotin", "ashwagandha",
        "creatine", "nicotine patch", "chantix", "varenicline", "suboxone", "naloxone", "narcan", "allopurinol",
        "colchicine", "plan b", "birth control pill",
        "antidepressant", "antidepressants", "iud", "hormone replacement therapy", "hrt",
        "testosterone therapy", "cpap", "b12 shot",
        "iron infusion", "iron pills", "fish oil", "probiotics", "turmeric", "cbd", "marijuana", "kratom",
        "vitamin c", "magnesium", "elderberry", "echinacea", "apple cider vinegar",
    ]

    /// Tests, procedures and everyday health matters people often ask about.
    static let procedures: [String] = [
        "tonsillectomy", "tonsils out", "tonsils removed", "colonoscopy", "mammogram", "pap smear", "psa test", "mri",
        "lasik", "tattoo", "donate blood", "blood donation", "dental implant", "root canal", "wisdom teeth", "vasectomy",
        "c section", "knee replacement", "hip replacement", "cataract surgery", "appendectomy", "gallbladder surgery",
        "physical therapy", "chiropractor", "acupuncture", "ivf", "hearing aid", "contact lenses", "braces",
        "cholesterol test", "thyroid test", "sleep study", "stress test", "echocardiogram",
        "endoscopy", "bone density scan", "hearing test", "eye exam",
        "travel vaccines", "covid test", "pregnancy test", "genetic testing", "dna test",
        "stent", "heart stent", "angioplasty", "bypass surgery", "pacemaker", "hysterectomy", "mastectomy", "lumpectomy",
        "prostatectomy", "tubal ligation", "circumcision", "adenoidectomy", "ear tubes", "sinus surgery", "hernia repair",
        "bariatric surgery", "gastric bypass", "liposuction", "laser hair removal", "epidural", "general anesthesia",
    ]
}
