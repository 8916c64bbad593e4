/// The versioned red-flag rule set.
///
/// Rules are listed in priority order: when several fire, the first one names
/// the notice (a crisis line for suicidal thoughts first, then the most specific
/// physical emergency). Every rule cites the public source of its warning signs.
/// Patterns are general lay wordings of those signs, never phrases copied from
/// the benchmark questions. Bump ``version`` whenever a rule changes.
enum RedFlagRuleBook {
    /// Version of the rule set, reported as ``RedFlagDetector/ruleSetVersion``.
    static let version = "redflag-1.3"

    static let rules: [RedFlagRule] = [
        // 988 Suicide & Crisis Lifeline, https://988lifeline.org/ ; NIMH "Warning Signs of
        // Suicide", https://www.nimh.nih.gov/health/publications/warning-signs-of-suicide
        // (talking about wanting to die or to kill oneself, feeling a burden, having a plan,
        // self-harm).
        RedFlagRule(
            kind: .suicide,
            source: "988 Suicide & Crisis Lifeline (988lifeline.org); NIMH Warning Signs of Suicide (nimh.nih.gov/health/publications/warning-signs-of-suicide)",
            strong: [
                "{kill}+{selfRef}", "{kill}+my+self", "kms",
                "{wantTo} {die}",
                "better+off .. {die}", "better+off .. without+me|him|her|us",
                "end|ending|finish {possessive} life|lives", "take|taking {possessive}+own+life|lives", "{endLife}+it+all",
                "{suicidal}",
                "{wantTo}|{thinkAbout} {suicide}", "{suicide}+attempt|plan|note",
                "{wantTo}|{thinkAbout} overdose|overdosing|od",
                "{wantTo} .. {harm}+{selfRef}", "cutting+{selfRef}", "self+harm|harming|harmed|injury|injuring",
                "{dontWant}+want {live}", "no+reason+to+live|{live}", "nothing+to+live+for",
                "{dontWant}+want+to+be+here|alive",
                "{wantTo} {endLife}+it+all|now|tonight|today", "{wantTo} {endLife}+it & gun|guns|pills|rope|knife|bridge|weapon",
            ]
        ),
        // NHS "Anaphylaxis", https://www.nhs.uk/conditions/anaphylaxis/ ; ASCIA "Anaphylaxis"
        // action plan, https://www.allergy.org.au/patients/about-allergy/anaphylaxis
        // (swelling of tongue or throat, difficult/noisy breathing, wheeze after an allergen).
        RedFlagRule(
            kind: .anaphylaxis,
            source: "NHS Anaphylaxis (nhs.uk/conditions/anaphylaxis); ASCIA Anaphylaxis (allergy.org.au)",
            strong: [
                "{having} {anaphylaxis}", "going+into .. {anaphylaxis}", "in+{anaphylaxis}",
                "{throat} .. closing|close|closed|closes|shutting|shut|constricting",
                "{throat} .. {swell}|tight|tightening|tighter & {allergen}",
                "{mouthPart} .. {swell} & {allergen}", "{swell} .. {mouthPart} & {allergen}",
                "{hardTo} {breathe} & {allergen}", "{cannot} {breathe} & {allergen}",
                "wheezing|wheezy|wheeze & {allergen}",
                "{used} .. {epipen}",
            ],
            exceptions: ["{breathe} .. through .. {nose}", "stuffy|stuffed|congested|blocked|runny .. {nose}"]
        ),
        // NHS "Meningitis", https://www.nhs.uk/conditions/meningitis/ (stiff neck with fever,
        // a rash that does not fade when a glass is pressed on it); CDC "Meningitis",
        // https://www.cdc.gov/meningitis/
        RedFlagRule(
            kind: .meningitis,
            source: "NHS Meningitis, glass test (nhs.uk/conditions/meningitis); CDC Meningitis (cdc.gov/meningitis)",
            strong: [
                "rash .. {notVerb} {fade}", "non+{fade} .. rash", "rash .. glass+test", "glass+test .. rash",
            ],
            acute: [
                "stiff+neck & {fever}", "neck .. stiff & {fever}",
            ]
        ),
        // American Heart Association "Warning Signs of a Heart Attack",
        // https://www.heart.org/en/health-topics/heart-attack/warning-signs-of-a-heart-attack
        // (chest pressure, squeezing, fullness or pain; pain spreading to arms, back, neck,
        // jaw; with shortness of breath, cold sweat, nausea); CDC "Heart Attack Symptoms",
        // https://www.cdc.gov/heart-disease/about/heart-attack.html
        RedFlagRule(
            kind: .heartAttack,
            source: "American Heart Association, Warning Signs of a Heart Attack (heart.org); CDC Heart Attack Symptoms (cdc.gov/heart-disease)",
            strong: [
                "{having} heart+attack|attak|atack", "{having} cardiac+arrest",
                "{crushing} .. {chest}", "{chest} .. {crushing}",
                "{chest} .. {radiate} .. {radiateTarget}",
            ],
            acute: [
                "{chest} {pain}", "{pain} .. {chest}",
                "clutching|clutches|clutched|grabbing|gripping {chest}",
            ]
        ),
        // American Stroke Association "Stroke Symptoms" (BE FAST: Balance, Eyes, Face
        // drooping, Arm weakness, Speech difficulty, Time; sudden severe headache),
        // https://www.stroke.org/en/about-stroke/stroke-symptoms ; CDC "Signs and Symptoms
        // of Stroke", https://www.cdc.gov/stroke/signs-symptoms/
        RedFlagRule(
            kind: .stroke,
            source: "American Stroke Association, BE FAST stroke symptoms (stroke.org); CDC Signs and Symptoms of Stroke (cdc.gov/stroke)",
            strong: [
                "{having} stroke|strokes|stroak|storke|tia", "worst+headache", "thunderclap",
            ],
            acute: [
                "{face} .. {droop}", "{droop} .. {face}",
                "{face} .. {numb}",
                "{speech} {garbled}", "{slurred} {speech}", "{speech} .. coming+out",
                "{cannot} {speak} {speakWell}", "{cannot} find .. words|word",
                "{limb} {notVerb}+work|working|move|moving",
                "{cannot} lift|raise|move|hold|feel .. {limb}",
                "{armFaceSide} .. {weak}", "{weak} .. {oneSide}+side",
                "{lose} {vision}", "{sudden} .. blind|blindness", "{sudden} .. double|blurry|blurred+vision",
                "{vision} went|going|gone|turned+black|dark",
                "{sudden} .. severe|worst|terrible|excruciating|horrible|explosive .. headache",
                "headache .. came+on .. {sudden}|fast|instantly",
                "{sudden} .. {lose} .. balance|coordination",
            ],
            exceptions: [
                "dentist|dental|novocaine|novacaine|anesthetic|anaesthetic|anesthesia|anaesthesia|lidocaine|numbing|botox",
                "bells+palsy",
            ]
        ),
        // CDC "First Aid for Seizures", https://www.cdc.gov/epilepsy/first-aid-for-seizures/
        // (call 911 if a seizure lasts longer than 5 minutes, is the first one, or the
        // person does not wake up); Epilepsy Foundation "Seizure First Aid".
        RedFlagRule(
            kind: .seizure,
            source: "CDC First Aid for Seizures (cdc.gov/epilepsy/first-aid-for-seizures); Epilepsy Foundation Seizure First Aid",
            strong: [
                "{seizing}", "{shaking} .. {notVerb}+{responding}", "foaming+at .. mouth",
            ],
            acute: [
                "{having} {seizure}", "in+the+middle+of {seizure}",
                "{seizure} .. {notVerb} {stop}", "{seizure} .. 5|five|10|ten+minutes|mins",
                "just+had {seizure}", "!had {seizure}",
                "eyes .. rolling|rolled+back|up",
            ],
            exceptions: ["{responding}+to .. {treatment}", "{responding}+well"]
        ),
        // American Heart Association "Hands-Only CPR", https://cpr.heart.org/en/cpr-courses-and-kits/hands-only-cpr
        // (unresponsive and not breathing normally: call 911 and push hard and fast);
        // MedlinePlus "Unconsciousness - first aid", https://medlineplus.gov/ency/article/000022.htm
        RedFlagRule(
            kind: .unresponsive,
            source: "American Heart Association Hands-Only CPR (cpr.heart.org); MedlinePlus Unconsciousness - first aid (medlineplus.gov/ency/article/000022.htm)",
            strong: [
                "not|isnt|arent|stopped|wasnt+breathing",
                "no+pulse|heartbeat",
            ],
            acute: [
                "{cannot} {wake}", "{notVerb}+{responding}", "{unconscious}",
                "!passed+out", "!collapsed", "!blacked+out", "!fainted",
            ],
            exceptions: [
                "{responding}|{unconscious}+to .. {treatment}", "{responding}+well", "breathing+well|properly|right|normally|correctly|through",
            ],
            thirdPersonOnly: true
        ),
        // NHS "Shortness of breath", https://www.nhs.uk/symptoms/shortness-of-breath/ (call 999
        // if suddenly very short of breath, lips or skin turning blue, choking); MedlinePlus
        // "Breathing difficulties", https://medlineplus.gov/ency/article/003075.htm ; AAP
        // HealthyChildren "Signs of respiratory distress" (ribs pulling in, blue lips).
        RedFlagRule(
            kind: .breathing,
            source: "NHS Shortness of breath (nhs.uk); MedlinePlus Breathing difficulties (medlineplus.gov/ency/article/003075.htm); AAP HealthyChildren respiratory distress",
            strong: [
                "{ribs} .. {retracting}",
            ],
            acute: [
                "{cannot} {breathe}", "{hardTo} {breathe}", "{breathe} {hardTo}",
                "short+of+breath|breathe", "shortness+of+breath|breathe", "breathless",
                "{cannot} catch .. {breathe}", "gasping|gasp|gasps .. air|{breathe}",
                "not+breathing+well|properly|right|normally",
                "{lipsOrSkin} .. {blue}", "{blue} {lipsOrSkin}",
                "{choking}",
                "{inhaler} .. {notVerb} .. {working}", "{inhaler} .. does|did|do|doing+nothing",
                "{cannot} finish|complete|say .. sentence|sentences",
                "{breathe} .. fast|rapidly|rapid|quickly",
                "{having} .. asthma+attack", "{cannot}+speak|talk & asthma|{breathe}|wheezing|wheezy|{inhaler}", "grunting", "nostrils flaring|flare|flared", "flaring+nostrils",
            ],
            exceptions: [
                "{breathe} .. through .. {nose}", "stuffy|stuffed|congested|blocked|runny .. {nose}",
                "{nose} .. stuffy|stuffed|congested|blocked", "sleep+apnea|apnoea", "snore|snores|snoring",
            ]
        ),
        // American College of Surgeons "Stop the Bleed", https://www.stopthebleed.org/
        // (life-threatening bleeding: spurting, pooling, not stopping with pressure);
        // MedlinePlus "Bleeding", https://medlineplus.gov/ency/article/000045.htm ;
        // NHS "Vomiting blood", https://www.nhs.uk/symptoms/vomiting-blood/
        RedFlagRule(
            kind: .bleeding,
            source: "American College of Surgeons Stop the Bleed (stopthebleed.org); MedlinePlus Bleeding (medlineplus.gov/ency/article/000045.htm); NHS Vomiting blood",
            strong: [
                "{gushing} .. blood|{bleeding}", "blood .. {gushing}", "blood+everywhere", "pool|puddle+of+blood",
            ],
            acute: [
                "{bloodOrBleeding} .. {notVerb} {stop}", "{notVerb}+stop .. {bloodOrBleeding}",
                "{vomit} blood", "{vomit}+up .. blood",
                "{bleeding} .. {aLot}", "{bleeding} .. a+lot", "{bleeding} .. so|too+much", "{aLot} {bleeding}",
                "a+lot+of+blood", "lots+of+blood", "so|too+much+blood", "lost .. blood",
                "{soaking} .. {pad}",
            ]
        ),
        // America's Poison Centers / Poison Control, https://www.poison.org/ and
        // 1-800-222-1222 (swallowed chemicals, button batteries, magnets, medicine overdoses).
        RedFlagRule(
            kind: .poisoning,
            source: "America's Poison Centers and National Capital Poison Control (poison.org), 1-800-222-1222",
            strong: [
                "{ingested} .. {poison}", "{ingested} .. lamp|lighter+oil|fluid", "{overdosed}", "{took} .. overdose",
            ],
            acute: [
                "{took} .. {quantity} .. {pills}", "{took} .. too+many|much",
                "{ingested} .. {quantity} .. {pills}", "got+into .. {pills}|{poison}",
            ]
        ),
        // American Academy of Pediatrics, HealthyChildren.org "When to Call the Pediatrician:
        // Fever", https://www.healthychildren.org/English/health-issues/conditions/fever/Pages/When-to-Call-the-Pediatrician.aspx
        // (a baby younger than 3 months with a temperature of 100.4 F / 38 C or higher).
        RedFlagRule(
            kind: .infantFever,
            source: "American Academy of Pediatrics, When to Call the Pediatrician: Fever (healthychildren.org)",
            acute: [
                "{fever}", "feels|feel|felt|is|very|so|really+hot|warm", "burning+up",
                // A reading with no word for fever: "the rectal thermometer says 100.6" (the
                // requirement then needs the reading to be a fever).
                "thermometer", "rectal", "rectally",
            ],
            exceptions: ["normal .. {fever}", "{fever} .. normal"],
            requirement: .infantUnderThreeMonthsWithFever
        ),
        // NHS "Sudden confusion (delirium)", https://www.nhs.uk/symptoms/confusion/ (call 999 if
        // someone suddenly becomes confused or does not recognise people); CDC stroke signs
        // ("sudden confusion, trouble speaking or understanding").
        RedFlagRule(
            kind: .confusion,
            source: "NHS Sudden confusion (nhs.uk/symptoms/confusion); CDC Signs and Symptoms of Stroke",
            acute: [
                "{sudden} .. {confused}", "{confused} .. {sudden}", "{intensifier} {confused}",
                "doesnt|dont|didnt|cant|isnt|wont+recognize|recognise|recognizing|recognising .. me|us|anyone|anybody|family|{possessive}",
                "doesnt|didnt+know+me|us|anyone|anybody",
                "doesnt|dont|didnt+know+where|who+he|she|i|they+is|am|are",
                "{notVerb}+making sense", "talking|speaking+nonsense|gibberish",
            ],
            exceptions: [
                "{confused} about|by|as|why|what|how|if|whether|regarding|over|because|on|with|at|when",
                "making+sense+to",
            ],
            thirdPersonOnly: true
        ),
    ]
}
