"""Spanish: the core's texts (PDFs, CLI), written for Spanish-speaking clinicians and patients.

The clinician's texts use the terms Spanish clinicians write (balance muscular MRC, reflejo
aquíleo, raíz L5, pie caído, anestesia en silla de montar, signos de alarma); the patient's
handout uses plain words, "usted", short sentences (its readability is measured by a test with
the INFLESZ scale). Keys are the English texts of the code (see core.i18n); "context|text" keys
give a form that agrees with a feminine noun, a side as a column or a lesion reads it, or an
abbreviation. Placeholders in braces must be kept.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # ---------------------------------------------------------------------------------------
    # Sides, kinds of exam, values
    # ---------------------------------------------------------------------------------------
    "left": "izquierdo",
    "right": "derecho",
    "bilateral": "bilateral",
    "feminine|left": "izquierda",
    "feminine|right": "derecha",
    "side|left": "lado izquierdo",
    "side|right": "lado derecho",
    "side|bilateral": "bilateral",
    "abbreviation|left": "izq.",
    "abbreviation|right": "der.",
    "abbreviation|bilateral": "bilat.",
    "Right": "Derecha",
    "Left": "Izquierda",
    "initial": "inicial",
    "preoperative": "preoperatoria",
    "postoperative": "postoperatoria",
    "follow-up": "de seguimiento",
    "microdiscectomy": "microdiscectomía",
    "paracentral": "paracentral",
    "foraminal": "foraminal",
    "far lateral": "extraforaminal",
    "{zone} disc": "hernia {zone}",
    "flexor": "flexora",
    "extensor": "extensora",
    "equivocal": "dudosa",
    "absent": "ausente",
    "present": "presente",
    "cleared": "borrado",
    "not scored": "sin puntuar",
    "Leg pain": "Dolor en la pierna",
    "Back pain": "Dolor lumbar",
    "Rest normal": "Resto normal",
    "Kind of exam": "Tipo de exploración",
    "Date": "Fecha",
    "Operation": "Operación",
    "Examiner": "Explorador",
    # How each per-side test is done and read (core/exam_items.py, the editor's tooltips)
    "Stroke the outer sole from the heel towards the toes: the big toe flexes (flexor), extends (extensor: "
    "the Babinski sign) or neither clearly (equivocal).":
        "Estimule el borde externo de la planta desde el talón hacia los dedos: el primer dedo se flexiona "
        "(flexora), se extiende (extensora: signo de Babinski) o ninguna de las dos con claridad (dudosa).",
    "Dorsiflex the ankle briskly and hold it: no beats (absent), the number of beats, or beats that go on "
    "while it is held (sustained).":
        "Flexione dorsalmente el tobillo con rapidez y manténgalo: ninguna sacudida (ausente), el número de "
        "sacudidas, o sacudidas que continúan mientras se mantiene (sostenido).",
    "Walking on the heels, forefoot off the floor, tests ankle and toe dorsiflexion (L4, L5).":
        "Caminar de talones, con el antepié sin tocar el suelo, explora la flexión dorsal del tobillo y de "
        "los dedos (L4, L5).",
    "Walking on the toes, heels off the floor, tests plantar flexion (S1).":
        "Caminar de puntillas, con los talones sin tocar el suelo, explora la flexión plantar (S1).",
    "Patient supine, raise the straight leg: negative, or the angle at which it brings on pain down the leg "
    "(usually 30-70°).":
        "Paciente en decúbito supino, eleve la pierna recta: negativa, o el ángulo al que provoca dolor "
        "irradiado por la pierna (habitualmente 30-70°).",
    "Patient prone, flex the knee: negative, or positive when it brings on pain in the front of the thigh "
    "(L2-L4).":
        "Paciente en decúbito prono, flexione la rodilla: negativa, o positiva cuando provoca dolor en la "
        "cara anterior del muslo (L2-L4).",
    "sustained": "sostenido",
    "normal": "normal",
    "impaired": "alterada",
    "unable": "no puede",
    "negative": "negativo",
    "positive": "positivo",
    "NT": "NT",
    "pain": "dolor",
    "cast or immobilisation": "yeso o inmovilización",
    "unable to cooperate": "no puede colaborar",
    "patient unable to cooperate": "el paciente no puede colaborar",
    "not examined": "no explorado",
    "draft": "borrador",
    "signed": "firmada",
    "female": "mujer",
    "male": "hombre",
    "other": "otro",
    "unknown": "desconocido",
    "{} beats": "{} sacudidas",
    "positive at {}°": "positivo a {}°",
    "light touch": "tacto ligero",
    "pin prick": "pinchazo",
    # ---------------------------------------------------------------------------------------
    # Knowledge tables: movements, muscles, reflexes, walking tests, lesions, red flags
    # ---------------------------------------------------------------------------------------
    "hip flexion": "flexión de cadera",
    "hip adduction": "aducción de cadera",
    "knee extension": "extensión de rodilla",
    "ankle dorsiflexion": "flexión dorsal del tobillo",
    "big toe extension": "extensión del primer dedo",
    "lesser toe extension": "extensión de los dedos menores",
    "ankle inversion": "inversión del pie",
    "ankle eversion": "eversión del pie",
    "hip abduction": "abducción de cadera",
    "hip extension": "extensión de cadera",
    "knee flexion": "flexión de rodilla",
    "ankle plantar flexion": "flexión plantar del tobillo",
    "iliopsoas": "psoas ilíaco",
    "adductors": "aductores",
    "quadriceps": "cuádriceps",
    "tibialis anterior": "tibial anterior",
    "extensor hallucis longus": "extensor largo del primer dedo",
    "extensor digitorum longus": "extensor largo de los dedos",
    "tibialis posterior": "tibial posterior",
    "peroneus longus and brevis": "peroneos lateral largo y corto",
    "gluteus medius": "glúteo medio",
    "gluteus maximus": "glúteo mayor",
    "hamstrings": "isquiotibiales",
    "gastrocnemius, soleus": "gemelos, sóleo",
    "patellar (knee jerk)": "rotuliano",
    "medial hamstring": "isquiotibial interno",
    "Achilles (ankle jerk)": "aquíleo",
    "heel walk": "marcha de talones",
    "toe walk": "marcha de puntillas",
    "L1 root": "raíz L1",
    "L2 root": "raíz L2",
    "L3 root": "raíz L3",
    "L4 root": "raíz L4",
    "L5 root": "raíz L5",
    "S1 root": "raíz S1",
    "L2 root and L3 root": "raíces L2 y L3",
    "L3 root and L4 root": "raíces L3 y L4",
    "L4 root and L5 root": "raíces L4 y L5",
    "L5 root and S1 root": "raíces L5 y S1",
    "common peroneal nerve (fibular head)": "nervio peroneo común (cabeza del peroné)",
    "deep peroneal nerve": "nervio peroneo profundo",
    "sciatic nerve": "nervio ciático",
    "femoral nerve": "nervio femoral",
    "central (upper motor neuron)": "central (primera motoneurona)",
    "cauda equina": "cola de caballo",
    "urinary retention or difficulty starting to pass urine":
        "retención urinaria o dificultad para iniciar la micción",
    "new urinary incontinence": "incontinencia urinaria de nueva aparición",
    "faecal incontinence": "incontinencia fecal",
    "perianal, perineal or genital sensory loss (saddle anaesthesia)":
        "pérdida de sensibilidad perianal, perineal o genital (anestesia en silla de montar)",
    "loss of sensation of rectal fullness": "pérdida de la sensación de plenitud rectal",
    "bilateral sciatica": "ciática bilateral",
    "weakness getting worse over hours or days": "debilidad que empeora en horas o días",
    "fever, or a red, swollen or discharging wound":
        "fiebre, o herida enrojecida, inflamada o con supuración",
    "severe pain that nothing relieves": "dolor intenso que no cede con nada",
    # Red flags in the patient's words (the handout's warning box)
    "you cannot pass urine, or it is hard to start": "no puede orinar, o le cuesta empezar",
    "you leak urine and this is new": "se le escapa la orina y antes no le pasaba",
    "you cannot hold in your bowel motions": "se le escapan las heces",
    "numbness between your legs, around your bottom or genitals":
        "nota dormida la zona entre las piernas, alrededor del ano o de los genitales",
    "you cannot feel when your bowel is full": "no nota cuándo tiene ganas de ir al baño",
    "pain running down both legs": "tiene dolor que baja por las dos piernas",
    "a leg or foot gets weaker over hours or days":
        "una pierna o un pie pierde fuerza en horas o días",
    "fever, or a wound that is red, swollen or leaking":
        "tiene fiebre, o la herida está roja, hinchada o le sale líquido",
    "very bad pain that nothing helps": "tiene un dolor muy fuerte que no se calma con nada",
    # ---------------------------------------------------------------------------------------
    # The dermatome map (PDF and app): views, side marks, values, ISNCSCI key points
    # ---------------------------------------------------------------------------------------
    "Front": "Delante",
    "Back": "Detrás",
    "Top of the feet": "Empeines",
    "Soles": "Plantas",
    "Saddle": "Silla de montar",
    "Saddle, from behind": "Silla, desde atrás",
    "not part of this chart": "fuera de este mapa",
    "mark|R": "D",
    "mark|L": "I",
    "normal (2)": "normal (2)",
    "altered (1)": "alterada (1)",
    "absent (0)": "ausente (0)",
    "not testable": "no valorable",
    "ISNCSCI key point": "punto clave ISNCSCI",
    "Key point": "Punto clave",
    "{side} {dermatome}": "{dermatome} {side}",
    "halfway between the key points of T12 and L2 (upper anterior thigh, below the inguinal "
    "ligament)":
        "a medio camino entre los puntos clave de T12 y L2 (cara anterior y alta del muslo, "
        "bajo el ligamento inguinal)",
    "anteromedial thigh, midway between the mid-inguinal ligament and the medial femoral "
    "condyle":
        "cara anteromedial del muslo, a medio camino entre el punto medio del ligamento inguinal "
        "y el cóndilo femoral medial",
    "medial femoral condyle, just above the knee":
        "cóndilo femoral medial, justo por encima de la rodilla",
    "medial malleolus": "maléolo medial",
    "dorsum of the foot at the third metatarsophalangeal joint":
        "dorso del pie a la altura de la tercera articulación metatarsofalángica",
    "lateral heel (calcaneus)": "cara lateral del talón (calcáneo)",
    "midpoint of the popliteal fossa": "punto medio de la fosa poplítea",
    "ischial tuberosity or infragluteal fold": "tuberosidad isquiática o pliegue infraglúteo",
    "perianal area, within 1 cm of the mucocutaneous junction":
        "zona perianal, a menos de 1 cm de la unión mucocutánea",
    # ---------------------------------------------------------------------------------------
    # Triage: the levels and each rule's statement (core/engine/triage.py, RULES)
    # ---------------------------------------------------------------------------------------
    "Cauda equina red flag present": "Signo de alarma de síndrome de cola de caballo presente",
    "Saddle (S4-5) sensation altered or absent":
        "Sensibilidad en silla de montar (S4-5) alterada o ausente",
    "New motor deficit in both legs that is severe (MRC 3 or less on a side) or progressive":
        "Déficit motor nuevo en ambas piernas, grave (MRC 3 o menos en un lado) o progresivo",
    "Motor strength falling between two exams at most 14 days apart (progressive weakness; the "
    "product's safe-side choice)":
        "Fuerza que disminuye entre dos exploraciones separadas 14 días o menos (debilidad "
        "progresiva; criterio de seguridad del programa)",
    "New or worse motor deficit on the day of the operation (day 0: a haematoma must be excluded "
    "the same day; the product's safe-side choice)":
        "Déficit motor nuevo o peor el día de la operación (día 0: hay que descartar un hematoma "
        "ese mismo día; criterio de seguridad del programa)",
    "After surgery (day 0 to day 42): new or worse motor deficit against the preoperative exam":
        "Tras la cirugía (día 0 a día 42): déficit motor nuevo o peor respecto a la exploración "
        "preoperatoria",
    "Worsening after a period of improvement: a muscle a whole MRC grade or more below its best "
    "grade since the operation, at any time after surgery":
        "Empeoramiento tras un periodo de mejoría: un músculo un grado MRC completo o más por "
        "debajo de su mejor grado desde la operación, en cualquier momento tras la cirugía",
    "New severe motor deficit (MRC 3 or less, e.g. an acute foot drop) at a first presentation or "
    "outside the post-operative window, unless a peripheral nerve lesion clearly explains it "
    "better than any root":
        "Déficit motor grave nuevo (MRC 3 o menos, p. ej. un pie caído agudo) en una primera "
        "consulta o fuera del periodo postoperatorio, salvo que una lesión de nervio periférico "
        "lo explique claramente mejor que cualquier raíz",
    "New upper motor neuron signs: not explained by a lumbar root lesion":
        "Signos nuevos de primera motoneurona: no los explica una lesión radicular lumbar",
    "Signs of wound infection": "Signos de infección de la herida",
    "Severe pain that nothing relieves": "Dolor intenso que no cede con nada",
    "New objective weakness outside the post-operative window that is not severe, or that a "
    "peripheral nerve lesion clearly explains":
        "Debilidad objetiva nueva fuera del periodo postoperatorio que no es grave o que una "
        "lesión de nervio periférico explica claramente",
    "New motor deficit in both legs, neither severe nor progressive":
        "Déficit motor nuevo en ambas piernas, ni grave ni progresivo",
    "Motor deficit unchanged 6 weeks or more after surgery":
        "Déficit motor sin cambios 6 semanas o más después de la cirugía",
    "New sensory change without new weakness": "Cambio sensitivo nuevo sin debilidad nueva",
    "Root signs in both legs with the cauda equina questions not yet recorded: ask them before "
    "signing":
        "Signos radiculares en ambas piernas sin registrar aún las preguntas de cola de caballo: "
        "hágalas antes de firmar",
    "No emergency, urgent or prompt rule fired, and everything the rules read was recorded: "
    "normal, or improving with no new deficit":
        "No se cumple ninguna regla de emergencia, urgente ni preferente, y se registró todo lo "
        "que leen las reglas: normal, o mejorando sin déficit nuevo",
    "No rule fired, but the exam lacks items the rules need: not assessed until they are "
    "recorded (never routine on missing findings)":
        "No se cumple ninguna regla, pero a la exploración le faltan datos que las reglas "
        "necesitan: sin valorar hasta que se registren (nunca ordinario si faltan hallazgos)",
    "Not yet recorded, and the rules that read it could raise the level":
        "Aún sin registrar, y las reglas que lo leen podrían elevar el nivel",
    "the red-flag questions (bladder, bowel, saddle, wound, pain)":
        "las preguntas de signos de alarma (vejiga, intestino, silla de montar, herida, dolor)",
    "saddle (S4-5) sensation": "la sensibilidad en silla de montar (S4-5)",
    "the key muscles of the leg (L2-S1), both sides":
        "los músculos clave de la pierna (L2-S1), en ambos lados",
    "every muscle weak at an earlier exam, graded again":
        "cada músculo débil en una exploración anterior, graduado de nuevo",
    "the plantar response, both sides": "la respuesta plantar, en ambos lados",
    "sensation at the key points of the leg (L2-S1), both sides":
        "la sensibilidad en los puntos clave de la pierna (L2-S1), en ambos lados",
    "emergency": "emergencia",
    "urgent": "urgente",
    "prompt": "preferente",
    "routine": "ordinario",
    "not assessed": "sin valorar",
    "same day, emergency department": "hoy mismo, servicio de urgencias",
    "surgeon or specialist within 24-48 hours": "cirujano o especialista en 24-48 horas",
    "specialist within 1-2 weeks": "especialista en 1-2 semanas",
    "the planned follow-up": "la revisión programada",
    "not enough recorded yet for a level": "aún no hay datos suficientes para un nivel",
    # The engine's notes (core/engine/flags.py, FLAG_TEXT); {detail} stays as the engine words it
    "Cauda equina red flags are present.": "Hay signos de alarma de cola de caballo.",
    "There is a new or worse motor deficit after surgery.":
        "Hay un déficit motor nuevo o peor tras la cirugía.",
    "Weakness is progressing between exams.": "La debilidad progresa entre exploraciones.",
    "The pattern matches the root at the operated level and side ({detail}).":
        "El patrón corresponde a la raíz del nivel y el lado operados ({detail}).",
    "The new deficit is on the side opposite the operation ({detail}): its own lesion, not the "
    "operated root.":
        "El déficit nuevo está en el lado opuesto a la operación ({detail}): es una lesión "
        "propia, no la raíz operada.",
    "Ankle inversion and hip abduction are spared beside the foot drop, which fits a peroneal "
    "nerve lesion better than an L5 root lesion (it does not exclude L5).":
        "La inversión del pie y la abducción de cadera están respetadas junto al pie caído, lo "
        "que encaja mejor con una lesión del nervio peroneo que con una radiculopatía L5 (no "
        "descarta L5).",
    "Upper motor neuron signs are present; a lumbar root lesion does not explain them.":
        "Hay signos de primera motoneurona; una lesión radicular lumbar no los explica.",
    "A motor deficit is unchanged 6 weeks or more after surgery.":
        "Un déficit motor sigue sin cambios 6 semanas o más después de la cirugía.",
    "There is a new sensory change without new weakness.":
        "Hay un cambio sensitivo nuevo sin debilidad nueva.",
    "A reflex lost or reduced before surgery often stays reduced after good recovery; alone it "
    "is not a warning.":
        "Un reflejo abolido o disminuido antes de la cirugía suele seguir disminuido tras una "
        "buena recuperación; por sí solo no es un signo de alarma.",
    "Saddle (S4-5) sensation is altered or absent.":
        "La sensibilidad en silla de montar (S4-5) está alterada o ausente.",
    "There is weakness in both legs.": "Hay debilidad en ambas piernas.",
    "Strength has fallen below the best grade since the operation: worsening after a period of "
    "improvement.":
        "La fuerza ha caído por debajo del mejor grado desde la operación: empeoramiento tras "
        "un periodo de mejoría.",
    "A new or worse motor deficit on the day of the operation: a haematoma must be excluded the "
    "same day.":
        "Déficit motor nuevo o peor el día de la operación: hay que descartar un hematoma ese "
        "mismo día.",
    "There are root signs in both legs.": "Hay signos radiculares en ambas piernas.",
    "The cauda equina questions (bladder, bowel, saddle sensation, sexual function) are not "
    "recorded: ask and record them before signing.":
        "Las preguntas de cola de caballo (vejiga, intestino, sensibilidad en silla de montar, "
        "función sexual) no están registradas: hágalas y regístrelas antes de firmar.",
    "Some deficits were present before the operation and are not worse: residual ({detail}).":
        "Algunos déficits estaban presentes antes de la operación y no han empeorado: "
        "residuales ({detail}).",
    "The new deficit fits another root than the one operated on ({detail}): its own lesion "
    "(another herniation, a haematoma, a wrong level).":
        "El déficit nuevo corresponde a una raíz distinta de la operada ({detail}): una lesión "
        "propia (otra hernia, un hematoma, un nivel equivocado).",
    "Two adjacent roots together explain the pattern better than any single root or nerve "
    "({detail}).":
        "Dos raíces adyacentes juntas explican el patrón mejor que cualquier raíz o nervio "
        "aislados ({detail}).",
    # ---------------------------------------------------------------------------------------
    # Both PDFs: header, footer, pages
    # ---------------------------------------------------------------------------------------
    "Clinician report": "Informe clínico",
    "Patient information": "Información para el paciente",
    "born {date}": "nac. {date}",
    "date of birth not recorded": "fecha de nacimiento no registrada",
    "Exam {date} ({kind}) · examiner {examiner}":
        "Exploración {date} ({kind}) · exploró {examiner}",
    "not recorded": "no registrado",
    "NeuroExam {version} · rules {rules} · a documentation and decision-support aid; it does "
    "not replace clinical judgement":
        "NeuroExam {version} · reglas {rules} · ayuda a la documentación y a la decisión "
        "clínica; no sustituye el juicio clínico",
    "Page {page} of {total}": "Página {page} de {total}",
    "DRAFT": "BORRADOR",
    "Neurological exam of the legs": "Exploración neurológica de los miembros inferiores",
    # ---------------------------------------------------------------------------------------
    # The clinician report
    # ---------------------------------------------------------------------------------------
    "Neurological exam of the legs: clinician report":
        "Exploración neurológica de los miembros inferiores: informe clínico",
    "(deterministic)": "(determinista)",
    "Generated {stamp}. Compared with: baseline {baseline}; previous {previous}.":
        "Generado {stamp}. Comparado con: basal {baseline}; anterior {previous}.",
    "none": "ninguna",
    "Source": "Fuente",
    "Surgery": "Cirugía",
    "none recorded.": "no registrada.",
    "day {days} after surgery": "día {days} tras la cirugía",
    "{days} days before surgery": "{days} días antes de la cirugía",
    "day of surgery": "día de la cirugía",
    "score": "puntuación",
    "For": "A favor",
    "Against": "En contra",
    "Other candidates": "Otras posibilidades",
    "Localisation": "Localización",
    "New or worse findings": "Hallazgos nuevos o peores",
    ", localised on their own:": ", localizados por sí solos:",
    "Residual": "Residuales",
    " (present before the operation, not worse): ":
        " (presentes antes de la operación, sin empeorar): ",
    "No deficit needs explaining.": "No hay ningún déficit que explicar.",
    "Whole exam": "Exploración completa",
    ": as the new or worse findings (nothing else is abnormal).":
        ": igual que los hallazgos nuevos o peores (nada más está alterado).",
    ":": ":",
    "Still undecided": "Aún sin decidir",
    ": the leading lesions are close; these items were not examined and would separate them:":
        ": las lesiones más probables están muy igualadas; estos elementos no se exploraron y "
        "las distinguirían:",
    "Notes": "Notas",
    "new": "nuevo",
    "worse": "peor",
    "same": "igual",
    "better": "mejor",
    "resolved": "resuelto",
    "n/c": "n/c",
    "(minor)": "(leve)",
    "Base": "Basal",
    "Prev": "Prev.",
    "Now": "Actual",
    "Change": "Cambio",
    "Rec.": "Rec.",
    "Movement (muscle, roots)": "Movimiento (músculo, raíces)",
    "LEMS (ISNCSCI, 0-25 per side)": "LEMS (ISNCSCI, 0-25 por lado)",
    "Motor (MRC)": "Balance muscular (fuerza, MRC)",
    "Base: preoperative baseline; Prev: most recent earlier exam; change against the baseline "
    "(else the previous exam); (minor): a move inside grade 4. Recovery rate = (now − before) / "
    "(5 − before), grades 4-/4/4+ counted as 4.":
        "Basal: exploración preoperatoria de referencia; Prev.: la exploración anterior más "
        "reciente; cambio respecto a la basal (si no la hay, a la anterior); (leve): un cambio "
        "dentro del grado 4. Tasa de recuperación = (actual − previa) / (5 − previa), con los "
        "grados 4-/4/4+ contados como 4.",
    "Sensation (ISNCSCI 0 / 1 / 2)": "Sensibilidad (ISNCSCI 0 / 1 / 2)",
    "Dermatome": "Dermatoma",
    "Modality": "Modalidad",
    "Side": "Lado",
    "Before": "Antes",
    "No sensory change against the earlier exam.":
        "Sin cambios sensitivos respecto a la exploración anterior.",
    "No earlier exam to compare.": "No hay exploración anterior con la que comparar.",
    "Test": "Prueba",
    "Right before": "Der. antes",
    "Right now": "Der. actual",
    "Left before": "Izq. antes",
    "Left now": "Izq. actual",
    "{reflex} reflex ({roots}), NINDS 0-4": "Reflejo {reflex} ({roots}), NINDS 0-4",
    "Plantar response": "Respuesta plantar",
    "Ankle clonus": "Clonus aquíleo",
    "Straight leg raise": "Elevación de la pierna recta (Lasègue)",
    "degrees if +": "grados si +",
    "Femoral stretch test": "Estiramiento femoral",
    "Heel walk": "Marcha de talones",
    "Toe walk": "Marcha de puntillas",
    "Reflexes, upper motor neuron signs, function":
        "Reflejos, signos de primera motoneurona, función",
    "Red flags": "Signos de alarma",
    "Not asked.": "No se preguntó.",
    "PRESENT": "PRESENTE",
    "Pain (0-10)": "Dolor (0-10)",
    "leg {leg}, back {back}.": "pierna {leg}, lumbar {back}.",
    "Not testable": "No valorable",
    "Trend": "Evolución",
    "All key muscles graded 5 at every exam.":
        "Todos los músculos clave tuvieron grado 5 en todas las exploraciones.",
    "MRC grade": "Grado MRC",
    "days since {date}": "días desde el {date}",
    "operation": "operación",
    "{side} {movement}": "{movement} {side}",
    "Trend of key muscles": "Evolución de los músculos clave",
    "LEMS total by exam": "LEMS total por exploración",
    "time not recorded": "hora no registrada",
    "Signed": "Firmado",
    "by {examiner} at {when}.": "por {examiner} el {when}.",
    "Unsigned draft.": "Borrador sin firmar.",
    " Not valid as a record until signed by the examiner.":
        " No es válido como registro hasta que lo firme quien exploró.",
    "Signature": "Firma",
    "Sources of the clinical rules": "Fuentes de las reglas clínicas",
    "Rules version {version}.": "Versión de las reglas: {version}.",
    "NeuroExam is a documentation and decision-support aid. It does not replace the "
    "clinician's judgement; check every interpretation against the findings.":
        "NeuroExam es una ayuda para documentar y para decidir. No sustituye el juicio del "
        "clínico; compruebe cada interpretación con los hallazgos.",
    # ---------------------------------------------------------------------------------------
    # The patient handout (plain Spanish, "usted")
    # ---------------------------------------------------------------------------------------
    "Your leg nerve check": "La revisión de los nervios de sus piernas",
    "Today we checked the nerves that go from your lower back to your legs. This sheet tells "
    "you what we found and what to do next.":
        "Hoy hemos revisado los nervios que van de la parte baja de la espalda a las piernas. "
        "En esta hoja le contamos lo que hemos visto y lo que tiene que hacer ahora.",
    "What we tested": "Qué hemos revisado",
    "How strong the muscles in your legs and feet are.":
        "La fuerza de los músculos de las piernas y los pies.",
    "How well your skin feels a light touch and a pin.":
        "Si la piel nota bien un roce suave y un pinchazo.",
    "Your reflexes: how your knees and ankles jump when tapped.":
        "Los reflejos: cómo saltan la rodilla y el tobillo con un golpe suave.",
    "How well you walk on your heels and on your toes.":
        "Cómo camina sobre los talones y de puntillas.",
    "What we found": "Qué hemos visto",
    "Your strength, feeling and reflexes were normal today.":
        "Hoy la fuerza, el tacto y los reflejos están bien.",
    "What has changed since your operation": "Qué ha cambiado desde la operación",
    "What has changed since your last check": "Qué ha cambiado desde la última revisión",
    "Nothing has changed much.": "Casi nada ha cambiado.",
    "What happens next": "Qué pasa ahora",
    "You need to be seen today. Please go to the emergency department now.":
        "Le tiene que ver un médico hoy. Vaya ahora mismo a urgencias.",
    "A spine doctor should see you in the next one or two days. We will arrange it.":
        "Un médico de columna le debe ver en uno o dos días. Nosotros le damos la cita.",
    "A spine doctor should see you in the next one or two weeks.":
        "Un médico de columna le debe ver en una o dos semanas.",
    "Come to your next planned check. You do not need to do anything else now.":
        "Venga a su próxima revisión, como estaba previsto. Ahora no tiene que hacer nada más.",
    "Your check is not finished yet. Your clinician will tell you what happens next.":
        "Su revisión aún no ha terminado. Su médico le dirá qué pasa ahora.",
    "Nerves heal slowly. Strength often comes back more slowly than the pain goes away. A "
    "reflex may stay weak even when you feel well.":
        "Los nervios se curan despacio. La fuerza suele volver más despacio de lo que se va el "
        "dolor. Un reflejo puede seguir flojo aunque usted se sienta bien.",
    "Get help the same day if": "Pida ayuda el mismo día si",
    "the numbness in your leg or foot spreads":
        "se le duerme una zona más grande de la pierna o del pie",
    "Go to the emergency department, or call your clinic straight away. Do not wait to see if "
    "it gets better.":
        "Vaya a urgencias o llame enseguida a su clínica. No espere a ver si mejora.",
    "Your clinic": "Su clínica",
    "Your clinic's phone number: {phone}.": "El teléfono de su clínica: {phone}.",
    "We did not print your clinic's phone number here. Ask the team who looked after you for "
    "it, and write it here: ____________________":
        "No hemos impreso aquí el teléfono de su clínica. Pídalo al equipo que le ha atendido y "
        "escríbalo aquí: ____________________",
    "Ask the team who looked after you for a phone number.":
        "Pida un número de teléfono al equipo que le ha atendido.",
    "This sheet helps you remember your visit. It does not replace what your doctor or nurse "
    "tells you.":
        "Esta hoja le ayuda a recordar su visita. No cambia lo que le digan su médico o su "
        "enfermera.",
    "lifts your {side} thigh": "levanta el muslo {side}",
    "pulls your {side} leg in": "acerca la pierna {side_f} a la otra",
    "straightens your {side} knee": "estira la rodilla {side_f}",
    "lifts your {side} foot up": "sube el pie {side} hacia arriba",
    "lifts your {side} big toe": "levanta el dedo gordo del pie {side}",
    "lifts the small toes of your {side} foot": "levanta los dedos pequeños del pie {side}",
    "turns your {side} foot in": "gira el pie {side} hacia dentro",
    "turns your {side} foot out": "gira el pie {side} hacia fuera",
    "moves your {side} leg out to the side": "separa la pierna {side_f} hacia fuera",
    "pushes your {side} leg back": "lleva la pierna {side_f} hacia atrás",
    "bends your {side} knee": "dobla la rodilla {side_f}",
    "pushes your {side} foot down": "empuja el pie {side} hacia abajo",
    "The muscle that {movement} is weaker than normal.":
        "El músculo que {movement} tiene menos fuerza de lo normal.",
    "at the top of your {side} thigh, near the groin":
        "en la parte alta del muslo {side}, cerca de la ingle",
    "on the front of your {side} thigh": "en la parte de delante del muslo {side}",
    "on the inside of your {side} knee": "en el lado de dentro de la rodilla {side_f}",
    "on the inside of your {side} lower leg and ankle":
        "en el lado de dentro de la pierna {side_f} y del tobillo",
    "on the top of your {side} foot and the outside of your lower leg":
        "en el empeine del pie {side} y en el lado de fuera de la pierna",
    "on the outside edge and sole of your {side} foot":
        "en el borde de fuera y en la planta del pie {side}",
    "on the back of your {side} thigh": "en la parte de atrás del muslo {side}",
    "on your {side} buttock": "en la nalga {side_f}",
    "around your back passage, on the {side} side": "alrededor del ano, en el lado {side}",
    "Your skin {area} does not feel things as well as normal.":
        "La piel {area} nota menos de lo normal.",
    "at your {side} knee": "de la rodilla {side_f}",
    "at the back of your {side} knee": "de detrás de la rodilla {side_f}",
    "at your {side} ankle": "del tobillo {side}",
    "The reflex {place} is weaker than usual.": "El reflejo {place} es más flojo de lo normal.",
    "Some of your reflexes are stronger than usual. Your doctor will look into this, because "
    "it can come from a nerve problem higher up than the lower back.":
        "Algunos de sus reflejos son más fuertes de lo normal. Su médico lo va a estudiar, "
        "porque la causa puede estar más arriba de la parte baja de la espalda.",
    "{thing}: better than before.": "{thing}: mejor que antes.",
    "{thing}: back to normal.": "{thing}: ya está normal.",
    "{thing}: weaker than before.": "{thing}: peor que antes.",
    "{thing}: this is new.": "{thing}: esto es nuevo.",
    "The muscle that {movement}": "El músculo que {movement}",
    "Feeling {area}": "El tacto {area}",
    # ---------------------------------------------------------------------------------------
    # The engine's composed sentences (core/engine/wording.py): findings, terms for and against,
    # what is undecided. Clinical Spanish, terse as in a clinical note; sides abbreviated after
    # the item ("flexión dorsal del tobillo izq."), as Spanish notes write them.
    # ---------------------------------------------------------------------------------------
    "{dermatome} sensation": "sensibilidad {dermatome}",
    "{reflex} reflex": "reflejo {reflex}",
    "positive at {degrees} degrees": "positivo a {degrees}°",
    "{item} normal{note}": "{item} normal{note}",
    " (new or worse)": " (nuevo o peor)",
    ", {course}, not worse": ", {course}, sin empeorar",
    "residual": "residual",
    "persisting": "persistente",
    "{reflex} reflex 4": "reflejo {reflex} 4",
    "{side} S4-5 {modality} {grade}": "S4-5 {side_abbreviation}, {modality} {grade}",
    "{finding} (enhanced: not explained by a root or nerve lesion)":
        "{finding} (exaltado: no lo explica una lesión de raíz ni de nervio)",
    "{finding}, which a lesion of the {lesion} spares":
        "{finding}, que una lesión {lesion_of} respeta",
    "{finding}, which the {lesion} does not reach": "{finding}, fuera del territorio {lesion_of}",
    "{finding} ({involvement} in {lesion})": "{finding} ({involvement} {lesion_in})",
    "the operation addressed this root ({relation}); it explains {explained} of {affected} "
    "abnormal findings":
        "la operación trató esta raíz ({relation}); explica {explained} de {affected} hallazgos "
        "anormales",
    "traversing {root} at {level}": "raíz {root} transitante en {level}",
    "exiting {root} at {level}": "raíz {root} emergente en {level}",
    "exiting {root} at {level}, if the disc was foraminal":
        "raíz {root} emergente en {level}, si la hernia era foraminal",
    "{side}: {what}": "{side_side}: {what}",
    "saddle sensation altered: {where}": "sensibilidad en silla de montar alterada: {where}",
    "weakness in both legs": "debilidad en ambas piernas",
    "{first} and {second} together: {what}": "{first} y {second} juntas: {what}",
    "{side} {movement} {before} -> {now} ({change})":
        "{movement} {side_abbreviation} {before} → {now} ({change})",
    "not graded": "sin graduar",
    "{side} {movement} {grade}/5 (no earlier grade to compare)":
        "{movement} {side_abbreviation} {grade}/5 (sin grado previo con el que comparar)",
    "{finding} in {days} days": "{finding} en {days} días",
    "{finding}, on the day of the operation": "{finding}, el día de la operación",
    "{side} {movement} {grade}/5, best since the operation {best}/5":
        "{movement} {side_abbreviation} {grade}/5; mejor grado desde la operación: {best}/5",
    "{finding}, {days} days after surgery": "{finding}, {days} días después de la cirugía",
    "{side} {dermatome} {modality} {before} -> {now}":
        "{dermatome} {side_abbreviation}, {modality}: {before} → {now}",
    "{side} {dermatome} {modality} {grade}": "{dermatome} {side_abbreviation}, {modality} {grade}",
    "cauda equina questions not recorded": "preguntas de cola de caballo sin registrar",
    "{need}: {missing}": "{need}: {missing}",
    "{lesion} on the {side}; operation on the {operated} at {level}":
        "{lesion}, {side_side}; operación en el {operated_side}, {level}",
    "{lesion}, {side}; operated: {roots} at {level}":
        "{lesion}, {side_side}; operado: {roots} en {level}",
    "{root} or {nerve}, {side}": "{root} o {nerve}, {side_side}",
    "The exam does not separate a root from a nerve lesion ({detail}): nerve conduction studies "
    "and EMG settle the question.":
        "La exploración no distingue entre una lesión de raíz y una de nervio ({detail}): los "
        "estudios de conducción nerviosa y el EMG resuelven la duda.",
    "{first} and {second}, {side}": "{first} y {second}, {side_side}",
    "{side} {item} {before} -> {now}": "{item} {side_abbreviation} {before} → {now}",
    "Test {side} {item}{how}. {advice}.": "Explorar {item} {side_abbreviation}{how}. {advice}.",
    "normal: {lesions} more likely": "normal: más probable {lesions}",
    " or ": " o ",
    "typical": "típico",
    "common": "frecuente",
    "supportive": "de apoyo",
    "occasional": "ocasional",
    "spared": "respetado",
    "outside": "fuera",
    "weak": "débil",
    "altered": "alterada",
    "reduced": "disminuido",
    "unchanged": "sin cambios",
    "not comparable": "no comparable",
    "extensor plantar response (Babinski sign)": "respuesta plantar extensora (signo de Babinski)",
    "sustained ankle clonus": "clonus aquíleo sostenido",
    "reflex 4 (enhanced)": "reflejo 4 (exaltado)",
    "cauda equina red flag": "signo de alarma de cola de caballo",
    "saddle (S4-5) sensation altered": "sensibilidad en silla de montar (S4-5) alterada",
    "weakness in both legs beside a cauda equina sign":
        "debilidad en ambas piernas junto a un signo de cola de caballo",
    "straight leg raise": "elevación de la pierna recta (Lasègue)",
    "femoral stretch test": "estiramiento femoral",
    "plantar response": "respuesta plantar",
    "{side} {item}": "{item} {side_abbreviation}",
    "red flags not asked": "signos de alarma sin preguntar",
    "sensory": "sensibilidad",
    "reflexes": "reflejos",
    "red flags": "signos de alarma",
    "ankle clonus": "clonus aquíleo",
    "{side} {item} [{modality}]: {before} -> {now}, {change}{minor}":
        "{item} {side_abbreviation} [{modality}]: {before} → {now}, {change}{minor}",
    "{side} {movement}: {before} -> {now}, {percent} %":
        "{movement} {side_abbreviation}: {before} → {now}, {percent} %",
    "motor": "motor",
    "reflex": "reflejo",
    "function": "función",
    "provocative": "provocación",
    # A lesion after "de" and "en", with its article ("de la raíz L5", "en el nervio ciático")
    **{f"{context}|{root} root": f"{prefix} la raíz {root}"
       for root in ("L1", "L2", "L3", "L4", "L5", "S1")
       for context, prefix in (("of", "de"), ("in", "en"))},
    **{f"{context}|{first} root and {second} root": f"{prefix} las raíces {first} y {second}"
       for first, second in (("L2", "L3"), ("L3", "L4"), ("L4", "L5"), ("L5", "S1"))
       for context, prefix in (("of", "de"), ("in", "en"))},
    **{f"{context}|{nerve}": f"{prefix} {spanish}"
       for nerve, spanish in (
           ("common peroneal nerve (fibular head)", "nervio peroneo común (cabeza del peroné)"),
           ("deep peroneal nerve", "nervio peroneo profundo"),
           ("sciatic nerve", "nervio ciático"), ("femoral nerve", "nervio femoral"))
       for context, prefix in (("of", "del"), ("in", "en el"))},
    # How each muscle is tested (core/knowledge.py, MOTOR_ITEMS), named in what is undecided
    "Seated: lift the thigh off the couch against the examiner's hand":
        "sentado: elevar el muslo de la camilla contra la mano del explorador",
    "Supine: squeeze the knees together against the examiner's hands":
        "en decúbito supino: juntar las rodillas contra las manos del explorador",
    "Seated: straighten the knee against resistance at the shin":
        "sentado: extender la rodilla contra resistencia en la espinilla",
    "Pull the foot up against resistance on the dorsum":
        "llevar el pie hacia arriba contra resistencia en el dorso",
    "Lift the big toe against a finger on its nail":
        "levantar el primer dedo contra un dedo del explorador sobre la uña",
    "Lift the lesser toes against resistance": "levantar los dedos menores contra resistencia",
    "Foot slightly plantar-flexed: turn the sole inwards against resistance":
        "con el pie en ligera flexión plantar: girar la planta hacia dentro contra resistencia",
    "Turn the sole outwards against resistance": "girar la planta hacia fuera contra resistencia",
    "Side-lying or supine: move the leg outwards against resistance":
        "en decúbito lateral o supino: separar la pierna hacia fuera contra resistencia",
    "Prone: lift the thigh off the couch against resistance":
        "en decúbito prono: elevar el muslo de la camilla contra resistencia",
    "Prone or seated: bend the knee against resistance at the heel":
        "en decúbito prono o sentado: flexionar la rodilla contra resistencia en el talón",
    "Push the foot down; best tested as repeated single-leg heel raises":
        "empujar el pie hacia abajo; se explora mejor con elevaciones repetidas del talón "
        "apoyado sobre una sola pierna",
    # The assessment as text (core/engine/summary.py): the app's review step, `neuroexam assess`
    " (within grade 4)": " (dentro del grado 4)",
    "New or worse findings: {lesion}, {side}; for: {reasons_for}; against: {reasons_against}.":
        "Hallazgos nuevos o peores: {lesion}, {side}; a favor: {reasons_for}; en contra: "
        "{reasons_against}.",
    "Residual (present before the operation, not worse): {items}.":
        "Residuales (presentes antes de la operación, sin empeorar): {items}.",
    "Whole exam: {lesion}, {side}; for: {reasons_for}; against: {reasons_against}.":
        "Exploración completa: {lesion}, {side}; a favor: {reasons_for}; en contra: "
        "{reasons_against}.",
    "Still undecided: {items}": "Aún sin decidir: {items}",
    "nothing to explain": "nada que explicar",
    "for:": "a favor:",
    "against:": "en contra:",
    "NeuroExam assessment - {family}, {given} ({id})":
        "Valoración de NeuroExam - {family}, {given} ({id})",
    "Exam {id}: {kind} on {date}, examiner {examiner}, {status}":
        "Exploración {id}: {kind} del {date}, exploró {examiner}, {status}",
    "Surgery: {procedure}, {level} {side}, {date} (day {day})":
        "Cirugía: {procedure}, {level} {side}, {date} (día {day})",
    "TRIAGE: {level} - {meaning}": "PRIORIDAD: {level} - {meaning}",
    "NEW OR WORSE FINDINGS, LOCALISED (best first):":
        "HALLAZGOS NUEVOS O PEORES, LOCALIZACIÓN (la más probable primero):",
    "RESIDUAL (present before the operation, not worse):":
        "RESIDUALES (presentes antes de la operación, sin empeorar):",
    "WHOLE EXAM, LOCALISED (best first):":
        "EXPLORACIÓN COMPLETA, LOCALIZACIÓN (la más probable primero):",
    "as the new or worse findings above (nothing else is abnormal)":
        "igual que los hallazgos nuevos o peores (nada más está alterado)",
    "STILL UNDECIDED: items not examined that would separate the leading lesions:":
        "AÚN SIN DECIDIR: elementos no explorados que distinguirían las lesiones más probables:",
    "CHANGES against {kind} exam of {date}:": "CAMBIOS respecto a la exploración {kind} del {date}:",
    "no change": "sin cambios",
    "MOTOR RECOVERY RATE against the preoperative exam:":
        "TASA DE RECUPERACIÓN MOTORA respecto a la exploración preoperatoria:",
    "LEMS: left {left}, right {right}, total {total} (of 50)":
        "LEMS: izquierdo {left}, derecho {right}, total {total} (de 50)",
    "NOTES:": "NOTAS:",
    # ---------------------------------------------------------------------------------------
    # The command line (core/cli.py)
    # ---------------------------------------------------------------------------------------
    "{file}: valid patient record ({exams} exams, {surgeries} surgeries)":
        "{file}: registro de paciente válido ({exams} exploraciones, {surgeries} cirugías)",
    "wrote {record}, {report} and {handout}": "escritos {record}, {report} y {handout}",
    "wrote {report} and {handout}": "escritos {report} y {handout}",
    "wrote {report}": "escrito {report}",
    "read {count} patient records": "leídos {count} registros de pacientes",
    "read {count} patient records; storing them in one transaction":
        "leídos {count} registros de pacientes; se guardan en una sola transacción",
    "imported {count} patient records: {created} new patients, {added} new exams":
        "importados {count} registros de pacientes: {created} pacientes nuevos, {added} "
        "exploraciones nuevas",
    "imported {count} patient record: {created} new patients, {added} new exams":
        "importado {count} registro de paciente: {created} pacientes nuevos, {added} "
        "exploraciones nuevas",
    "; already present: {ids}": "; ya presentes: {ids}",
    "exported {done} of {total} patients": "exportados {done} de {total} pacientes",
    "wrote {path}: {patients} patients, {exams} exams ({format})":
        "escrito {path}: {patients} pacientes, {exams} exploraciones ({format})",
    "wrote {path}: {patients} patients, {exams} exams ({format}, de-identified)":
        "escrito {path}: {patients} pacientes, {exams} exploraciones ({format}, seudonimizado)",
    "wrote {path}: {files}": "escrito {path}: {files}",
    "{name} {rows} rows": "{name} {rows} filas",
    "neuroexam: no pseudonym key at {path}; nothing was ever de-identified with it":
        "neuroexam: no hay clave de seudónimos en {path}; nunca se seudonimizó nada con ella",
    "(no stored patient)": "(ningún paciente guardado)",
    "neuroexam backup: give --out FILE to write a backup, --if-due for the automatic one, or "
    "--verify FILE":
        "neuroexam backup: indique --out ARCHIVO para escribir una copia de seguridad, --if-due "
        "para la automática, o --verify ARCHIVO",
    "backup written and verified: {summary}": "copia de seguridad escrita y verificada: {summary}",
    "neuroexam backup: automatic backups are off (backup_every_hours is 0) or the database is "
    "a server":
        "neuroexam backup: las copias automáticas están desactivadas (backup_every_hours es 0) "
        "o la base de datos es un servidor",
    "no backup due; the next one is due at {when} UTC":
        "no toca hacer copia; la próxima toca el {when} UTC",
    "older automatic backup deleted: {name}": "copia automática antigua borrada: {name}",
    "restored: {summary}": "restaurada: {summary}",
    "the previous database was kept as {path}": "la base de datos anterior se guardó como {path}",
    "there was no database before": "no había base de datos antes",
    "{where}: schema {version} (it was already)": "{where}: esquema {version} (ya lo estaba)",
    "{where}: upgraded from schema {before} to {after}":
        "{where}: actualizada del esquema {before} al {after}",
    "{where}: schema {version}, up to date; {patients} patients":
        "{where}: esquema {version}, al día; {patients} pacientes",
    "active": "activo",
    "disabled": "desactivado",
    "neuroexam users: name the login": "neuroexam users: indique el usuario",
    "neuroexam users: no NeuroExam login {login}":
        "neuroexam users: no existe el usuario de NeuroExam {login}",
    "{login}: disabled (cannot log in; its records and audit stay)":
        "{login}: desactivado (no puede entrar; sus registros y su auditoría se conservan)",
    "password for {login}: ": "contraseña de {login}: ",
    "password for {where}: ": "contraseña para {where}: ",
    "again: ": "otra vez: ",
    "neuroexam users: the passwords differ; nothing was changed":
        "neuroexam users: las contraseñas no coinciden; no se cambió nada",
    "{login}: added as {role}": "{login}: añadido como {role}",
    "neuroexam: internal error.": "neuroexam: error interno.",
    # ---------------------------------------------------------------------------------------
    # The rules page (core/engine/summary.py: `neuroexam rules`, the app's Help)
    # ---------------------------------------------------------------------------------------
    "These are the rules this version of NeuroExam runs.":
        "Estas son las reglas que aplica esta versión de NeuroExam.",
    "This page is printed by the program from the rules it runs (`neuroexam rules --markdown`).":
        "El programa imprime esta página a partir de las reglas que aplica (`neuroexam rules "
        "--markdown`).",
    "NeuroExam clinical rules": "Reglas clínicas de NeuroExam",
    "Rules version **{version}**.": "Versión de las reglas: **{version}**.",
    "Triage": "Prioridad",
    "Each exam is sorted into the most urgent level whose rule fires; every rule that fired is "
    "listed with the findings that made it fire.":
        "Cada exploración recibe el nivel más urgente cuya regla se cumple; se enumera cada "
        "regla cumplida con los hallazgos que la hicieron cumplirse.",
    "rule": "regla",
    "level": "nivel",
    "fires when": "se cumple cuando",
    "source": "fuente",
    "Every lesion is scored per side by adding one term per examined item: the weight of the "
    "lesion's category for that item (below), for an abnormal or a normal result, times the "
    "factor of the item's kind; a weak muscle's term is also multiplied by its depth (1 at MRC "
    "4, 1.25 at 3, 1.5 at 2, 1.75 at 1, 2 at 0). Two readings are made: the whole exam, and the "
    "change alone, where new or worse findings count as abnormal and residual ones (present "
    "before the operation, not worse) as unaffected.":
        "Cada lesión se puntúa por lado sumando un término por cada elemento explorado: el peso "
        "de la categoría de la lesión para ese elemento (abajo), para un resultado anormal o "
        "normal, multiplicado por el factor de su tipo de elemento; el término de un músculo "
        "débil se multiplica además por su profundidad (1 con MRC 4; 1,25 con 3; 1,5 con 2; "
        "1,75 con 1; 2 con 0). Se hacen dos lecturas: la exploración completa y solo el cambio, "
        "en la que los hallazgos nuevos o peores cuentan como anormales y los residuales "
        "(presentes antes de la operación, sin empeorar) como no afectados.",
    "category": "categoría",
    "abnormal": "anormal",
    "kind of item": "tipo de elemento",
    "factor": "factor",
    "muscle": "músculo",
    "dermatome": "dermatoma",
    "walking test": "prueba de marcha",
    "tension test": "prueba de tensión radicular",
    "other term": "otro término",
    "weight": "peso",
    "normal common muscle beside a dense deficit (a typical muscle at MRC {mrc} or less)":
        "músculo frecuente normal junto a un déficit denso (un músculo típico con MRC {mrc} o "
        "menos)",
    "the operated root on the operated side, times the share of the abnormal findings it "
    "explains":
        "la raíz operada en el lado operado, multiplicado por la proporción de hallazgos "
        "anormales que explica",
    "two adjacent roots are listed together when they beat the best single lesion by":
        "dos raíces adyacentes se muestran juntas cuando superan a la mejor lesión única en",
    "lesions within this of the leader are undecided":
        "las lesiones a esta distancia o menos de la primera quedan sin decidir",
    "an unexamined item is named when one result moves two of them apart by":
        "se señala un elemento no explorado cuando uno de sus resultados separa a dos de ellas en",
    "upper motor neuron: {sign}": "primera motoneurona: {sign}",
    "cauda equina: {term}": "cola de caballo: {term}",
    "Ranking: higher score first; on equal scores, more findings explained, then fewer left "
    "unexplained.":
        "Orden: primero la puntuación más alta; a igual puntuación, la que explica más "
        "hallazgos y después la que deja menos sin explicar.",
    "The localisation table": "La tabla de localización",
    "T typical, C common (one-way: weak counts much, normal little), S+ supportive (counts only "
    "when present), o occasional, spared: the lesion spares it; blank: outside the lesion.":
        "T típico, C frecuente (en un solo sentido: débil cuenta mucho, normal poco), S+ de "
        "apoyo (cuenta solo si está presente), o ocasional, respetado: la lesión lo respeta; en "
        "blanco: fuera de la lesión.",
    "From the localisation patterns of the sources below, with the muscles a root supplies as "
    "occasional and a walking test as involved as the muscles it tests.":
        "Según los patrones de localización de las fuentes de abajo, con los músculos que "
        "inerva una raíz como ocasionales y una prueba de marcha tan afectada como los músculos "
        "que explora.",
    "Transcribed from clinical-reference section 7, with the muscles a root supplies (section 2) "
    "as occasional and a walking test as involved as the muscles it tests.":
        "Transcrita de clinical-reference, sección 7, con los músculos que inerva una raíz "
        "(sección 2) como ocasionales y una prueba de marcha tan afectada como los músculos que "
        "explora.",
    "Muscles": "Músculos",
    "Reflexes": "Reflejos",
    "Dermatomes": "Dermatomas",
    "Walking and tension tests": "Pruebas de marcha y de tensión radicular",
    "lesion": "lesión",
    "Knowledge tables": "Tablas de conocimiento",
    "table": "tabla",
    "sources": "fuentes",
    "Sources": "Fuentes",
    "Motor items: movement, muscle, roots, ISNCSCI key level, nerve":
        "Elementos motores: movimiento, músculo, raíces, nivel clave ISNCSCI, nervio",
    "Dermatomes and ISNCSCI key sensory points":
        "Dermatomas y puntos sensitivos clave ISNCSCI",
    "Reflexes and their roots": "Reflejos y sus raíces",
    "Localisation patterns": "Patrones de localización",
    "What the rules need recorded": "Lo que las reglas necesitan registrado",
    "Routine is concluded only when every item below was recorded; while one is missing and no "
    "rule fired, the exam is not assessed. When a rule did fire, the missing items whose rules "
    "could reach a more urgent level are listed with it.":
        "Solo se concluye ordinario cuando se registró todo lo de abajo; mientras falte algo y no "
        "se cumpla ninguna regla, la exploración queda sin valorar. Cuando sí se cumple una "
        "regla, se enumeran con ella los datos que faltan y cuyas reglas podrían llegar a un "
        "nivel más urgente.",
    "needed": "necesario",
    "rules that read it": "reglas que lo leen",
    "most urgent level they reach": "nivel más urgente al que llegan",
    "Needed before routine:": "Necesario antes de concluir ordinario:",
    "{count} patient records read and stored ({percent}% of the file; committed when all are "
    "in)":
        "{count} registros de pacientes leídos y guardados ({percent} % del archivo; se confirman "
        "cuando estén todos)",
    "NeuroExam triage rules, version {version}":
        "Reglas de prioridad de NeuroExam, versión {version}",
    "source:": "fuente:",
    # The command line's --help (core/cli.py, build_parser)
    "NeuroExam: document and compare the neurological exam of the legs. Without a command, "
    "starts the app.":
        "NeuroExam: registra y compara la exploración neurológica de las piernas. Sin una orden, "
        "abre la aplicación.",
    "exit codes: 0 success, 1 invalid input (problems listed), 2 wrong usage, 3 file not "
    "readable or writable":
        "códigos de salida: 0 correcto, 1 entrada no válida (se enumeran los problemas), 2 uso "
        "incorrecto, 3 archivo que no se puede leer o escribir",
    "COMMAND": "ORDEN",
    "FILE": "ARCHIVO",
    "FOLDER": "CARPETA",
    "NAME": "NOMBRE",
    "file": "archivo",
    "record": "registro",
    "Check a patient record file against the format.":
        "Comprueba que un archivo de registro de paciente cumple el formato.",
    "Print the JSON Schema of the patient record.":
        "Muestra el esquema JSON (JSON Schema) del registro de paciente.",
    "Write the demo patient's record and PDFs to a folder.":
        "Escribe en una carpeta el registro y los PDF del paciente de demostración.",
    "Assess an exam against the patient's history.":
        "Valora una exploración frente a la historia del paciente.",
    "Print the triage rules with their sources.":
        "Muestra las reglas de prioridad con sus fuentes.",
    "Write the clinician report (and the patient handout) as PDF.":
        "Escribe el informe clínico (y la hoja para el paciente) en PDF.",
    "Import patient records (JSON: one record or a collection) into the database, all or "
    "nothing.":
        "Importa registros de pacientes (JSON: un registro o una colección) a la base de datos: "
        "todos o ninguno.",
    "Export one patient or all as JSON, CSV or FHIR R4.":
        "Exporta un paciente o todos en JSON, CSV o FHIR R4.",
    "Write the de-identified registry files: one CSV per follow-up interval with recovery rates "
    "and pain (docs/registry-export.md).":
        "Escribe los archivos seudonimizados del registro: un CSV por intervalo de seguimiento, "
        "con tasas de recuperación y dolor (docs/registry-export.md).",
    "Find the stored patients behind pseudonyms of a de-identified CSV.":
        "Encuentra los pacientes guardados que corresponden a los seudónimos de un CSV "
        "seudonimizado.",
    "Write a verified copy of the database while it is in use (with a .sha256 checksum file), "
    "or check one.":
        "Escribe una copia verificada de la base de datos mientras está en uso (con un archivo "
        ".sha256 de suma de comprobación), o comprueba una.",
    "The database's schema: `upgrade` brings it to this version's (in clinic mode, run by the "
    "login that owns the database; the app never migrates a shared database on its own); "
    "`status` checks it.":
        "El esquema de la base de datos: `upgrade` lo actualiza al de esta versión (en modo "
        "clínica, lo ejecuta el usuario propietario de la base de datos; la aplicación nunca "
        "migra por su cuenta una base de datos compartida); `status` lo comprueba.",
    "The app's patient search, headless: record id, name and birth date per line, tab-separated "
    "(family-name matches first, then given-name, then record-id matches).":
        "La búsqueda de pacientes de la aplicación, sin ventanas: identificador, nombre y fecha "
        "de nacimiento por línea, separados por tabuladores (primero las coincidencias de "
        "apellido, luego de nombre y luego de identificador).",
    "Clinic mode: the logins of clinicians and staff (run by the administrator or the "
    "database's owner): add one with its role, list them, disable one.":
        "Modo clínica: los usuarios de los clínicos y del personal (lo ejecuta el administrador "
        "o el propietario de la base de datos): añadir uno con su rol, listarlos, desactivar uno.",
    "Replace the database by a backup (the old one is kept).":
        "Sustituye la base de datos por una copia de seguridad (se conserva la anterior).",
    "the record (JSON)": "el registro (JSON)",
    "the records (JSON)": "los registros (JSON)",
    "the folder (default: demo)": "la carpeta (por defecto: demo)",
    "the exam id (default: the latest exam)":
        "el identificador de la exploración (por defecto: la más reciente)",
    "print the assessment document instead of text":
        "muestra el documento de la valoración en lugar del texto",
    "as the Markdown page in docs/": "como la página Markdown de docs/",
    "the language (default: the setting, else the system locale's)":
        "el idioma (por defecto: el de los ajustes, si no el del sistema)",
    "the clinician report PDF": "el PDF del informe clínico",
    "write the clinician report as PDF/A-2b, the archived copy of a signed exam":
        "escribe el informe clínico en PDF/A-2b, la copia de archivo de una exploración firmada",
    "paper size (default: the setting, else the system locale's)":
        "tamaño del papel (por defecto: el de los ajustes, si no el del sistema)",
    "also write the patient handout PDF here": "escribe también aquí el PDF de la hoja para el "
                                               "paciente",
    "the clinician report's language, and the handout's when the record names no preferred "
    "language (default: the setting, else the system locale's)":
        "el idioma del informe clínico, y el de la hoja para el paciente cuando el registro no "
        "indica un idioma preferido (por defecto: el de los ajustes, si no el del sistema)",
    "the handout's language (default: the patient's preferred language); both: the patient's, "
    "then the other on new pages":
        "el idioma de la hoja para el paciente (por defecto: el preferido del paciente); both: "
        "el del paciente y después el otro en páginas nuevas",
    "fixed creation date and ids: the same record gives identical bytes":
        "fecha de creación e identificadores fijos: el mismo registro da un archivo idéntico byte "
        "a byte",
    "the patient's record id": "el identificador del registro del paciente",
    "every patient in the database": "todos los pacientes de la base de datos",
    "json (the patient record), csv (one row per exam), fhir (an R4 Bundle) or fhir-ndjson "
    "(bulk: one Bundle per patient per line); default json":
        "json (el registro del paciente), csv (una fila por exploración), fhir (un Bundle R4) o "
        "fhir-ndjson (masivo: un Bundle por paciente y línea); por defecto json",
    "CSV only: leave out names and notes, birth year only, ids replaced by keyed pseudonyms "
    "(see docs/csv-columns.md)":
        "solo CSV: sin nombres ni notas, solo el año de nacimiento, identificadores sustituidos "
        "por seudónimos con clave (véase docs/csv-columns.md)",
    "the pseudonym key (default: pseudonym.key in the data folder)":
        "la clave de seudónimos (por defecto: pseudonym.key en la carpeta de datos)",
    "FHIR only: transaction (default; for a FHIR server, conditional create/update, posting it "
    "twice changes nothing) or collection (an archive)":
        "solo FHIR: transaction (por defecto; para un servidor FHIR, creación o actualización "
        "condicional: enviarlo dos veces no cambia nada) o collection (un archivo)",
    "FHIR only: attach each exam's clinician report PDF":
        "solo FHIR: adjunta el PDF del informe clínico de cada exploración",
    "the file to write": "el archivo que se escribe",
    "the folder to write to": "la carpeta en la que se escribe",
    "pseudonyms (P-...)": "seudónimos (P-...)",
    "the backup file to write (must not exist)":
        "el archivo de copia de seguridad que se escribe (no debe existir)",
    "the automatic backup: written into the backup folder of the settings when the newest is "
    "older than the interval, older ones beyond the number kept deleted":
        "la copia de seguridad automática: se escribe en la carpeta de copias de los ajustes "
        "cuando la más reciente es más antigua que el intervalo, y se borran las antiguas que "
        "pasen del número que se conserva",
    "check a backup without changing it: integrity, schema, counts, checksum":
        "comprueba una copia de seguridad sin modificarla: integridad, esquema, recuentos, suma "
        "de comprobación",
    "the start of a family name, given name or record id (case and accents ignored); none lists "
    "the first patients by name":
        "el principio de un apellido, un nombre o un identificador (sin distinguir mayúsculas ni "
        "acentos); sin él, lista los primeros pacientes por nombre",
    "at most this many (default 50)": "como mucho este número (por defecto 50)",
    "the login name (add, disable)": "el nombre de usuario (add, disable)",
    "add: the role (default clinician)": "add: el rol (por defecto clinician)",
    "add: the display name printed on signatures": "add: el nombre que se imprime en las firmas",
    "add: read the password from standard input (else asked twice)":
        "add: lee la contraseña de la entrada estándar (si no, se pide dos veces)",
    "the backup file": "el archivo de copia de seguridad",
    "database URL (default: $NEUROEXAM_DATABASE_URL, the setting, or the file in the data "
    "folder)":
        "URL de la base de datos (por defecto: $NEUROEXAM_DATABASE_URL, la de los ajustes o el "
        "archivo de la carpeta de datos)",
    "the language of the FHIR reports' narrative and of their attached PDFs (default: the "
    "setting, else the system locale's)":
        "el idioma de la narrativa de los informes FHIR y de sus PDF adjuntos (por defecto: el "
        "de los ajustes, si no el del sistema)",
    # The FHIR reports' narrative (core/exchange/fhir.py, conclusion_text)
    "Amended after signing: {reason}": "Corregida después de firmarla: {reason}",
    "Triage: {level} (rules {version}).": "Prioridad: {level} (reglas {version}).",
    "LEMS left {left}, right {right}, total {total}.":
        "LEMS: izquierdo {left}, derecho {right}, total {total}.",
    "Clinician report, exam {id}": "Informe clínico, exploración {id}",
    # argparse's own words (its gettext messages; core/cli.py, argparse_words)
    "usage: ": "uso: ",
    "positional arguments": "argumentos posicionales",
    "options": "opciones",
    "show this help message and exit": "muestra esta ayuda y termina",
    "show program's version number and exit": "muestra la versión del programa y termina",
    "%(prog)s: error: %(message)s\n": "%(prog)s: error: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "faltan estos argumentos obligatorios: %s",
    "one of the arguments %s is required": "hace falta uno de los argumentos %s",
    "not allowed with argument %s": "no se admite junto con el argumento %s",
    "unrecognized arguments: %s": "argumentos no reconocidos: %s",
    "expected one argument": "se esperaba un argumento",
    "expected at most one argument": "se esperaba como mucho un argumento",
    "expected at least one argument": "se esperaba al menos un argumento",
    "expected %s argument": "se esperaba %s argumento",
    "expected %s arguments": "se esperaban %s argumentos",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "opción no válida: %(value)r (elija entre %(choices)s)",
    "invalid %(type)s value: %(value)r": "valor %(type)s no válido: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s":
        "opción ambigua: %(option)s puede ser %(matches)s",
    "ignored explicit argument %r": "argumento explícito ignorado %r",
    "unexpected option string: %s": "opción inesperada: %s",
}

# ---------------------------------------------------------------------------------------------
# Messages composed elsewhere (the command line's output, errors of the store, of reading and of
# exporting records), recognised by their shape: each English key is the template the message was
# formatted from, with its fields named (see core.i18n, Translator.message). A field's value is
# translated too when it is a text of the catalogue (e.g. "is empty (0 bytes)").
# ---------------------------------------------------------------------------------------------
COMPOSED: dict[str, str] = {
    # A backup's summary (core/store/backup.py)
    "{path}: a sound NeuroExam database (schema {version}), {patients} patients, {exams} exams; "
    "{checksum}":
        "{path}: una base de datos de NeuroExam íntegra (esquema {version}), {patients} "
        "pacientes, {exams} exploraciones; {checksum}",
    "checksum matches": "la suma de comprobación coincide",
    "CHECKSUM DIFFERS": "LA SUMA DE COMPROBACIÓN NO COINCIDE",
    "no checksum file": "sin archivo de suma de comprobación",
    # Errors of the database (core/store)
    "The database server refused the login to {where}: wrong user name or password, no such "
    "database, or the login is disabled. Check them with the clinic's database administrator.":
        "El servidor de base de datos rechazó el acceso a {where}: usuario o contraseña "
        "incorrectos, la base de datos no existe o el usuario está desactivado. Compruébelo con "
        "el administrador de la base de datos de la clínica.",
    "{where}: your database login has no permission for this (your role does not allow it). "
    "Nothing was changed.":
        "{where}: su usuario de la base de datos no tiene permiso para esto (su rol no lo "
        "permite). No se cambió nada.",
    "The database server for {where} cannot be reached, or the connection to it was lost: the "
    "last change was not saved. Check the network and that the server is running, then try "
    "again.":
        "No se puede conectar con el servidor de base de datos de {where}, o se perdió la "
        "conexión: el último cambio no se guardó. Compruebe la red y que el servidor esté en "
        "marcha, y vuelva a intentarlo.",
    "The disk holding {where} is full: the last change was not saved. Free some space, then "
    "save again.":
        "El disco de {where} está lleno: el último cambio no se guardó. Libere espacio y vuelva "
        "a guardar.",
    "{where} cannot be written by this user (read-only file or folder): the last change was not "
    "saved. Ask your IT support to give you write access, or choose another data folder in "
    "Settings.":
        "Este usuario no puede escribir en {where} (archivo o carpeta de solo lectura): el último "
        "cambio no se guardó. Pida a su soporte informático permiso de escritura, o elija otra "
        "carpeta de datos en Ajustes.",
    "{where} is locked by another program or workstation: the last change was not saved. Try "
    "again in a moment.":
        "{where} está bloqueada por otro programa u otro puesto: el último cambio no se guardó. "
        "Vuelva a intentarlo en un momento.",
    "{where} is damaged ({cause}). Nothing more was written to it. Restore the latest backup "
    "with `neuroexam restore FILE` (it keeps the damaged file).":
        "{where} está dañada ({cause}). No se escribió nada más en ella. Restaure la última "
        "copia de seguridad con `neuroexam restore ARCHIVO` (conserva el archivo dañado).",
    "{where} is not a NeuroExam database. It was not changed.":
        "{where} no es una base de datos de NeuroExam. No se modificó.",
    "{where}: the database refused the operation ({cause}). The last change was not saved.":
        "{where}: la base de datos rechazó la operación ({cause}). El último cambio no se "
        "guardó.",
    "{path} is a symbolic link; NeuroExam opens only the database file itself. It was not "
    "changed.":
        "{path} es un enlace simbólico; NeuroExam solo abre el propio archivo de la base de "
        "datos. No se modificó.",
    "{path} cannot be read by this user.": "Este usuario no puede leer {path}.",
    "{path} {what}, so it is not a NeuroExam database. It was not changed. Restore a backup, or "
    "choose another data folder.":
        "{path} {what}, así que no es una base de datos de NeuroExam. No se modificó. Restaure "
        "una copia de seguridad o elija otra carpeta de datos.",
    "is empty (0 bytes)": "está vacío (0 bytes)",
    "is not an SQLite database": "no es una base de datos SQLite",
    "{path} is locked by another program; try again.":
        "{path} está bloqueada por otro programa; vuelva a intentarlo.",
    "{path} is damaged ({cause}). It was not changed. Restore the latest backup with "
    "`neuroexam restore FILE`.":
        "{path} está dañada ({cause}). No se modificó. Restaure la última copia de seguridad con "
        "`neuroexam restore ARCHIVO`.",
    "{path} is another program's SQLite database, not a NeuroExam database. It was not changed.":
        "{path} es una base de datos SQLite de otro programa, no de NeuroExam. No se modificó.",
    "The database {path} was written by a newer NeuroExam (schema {version}; this version reads "
    "up to {newest}). It was not changed. Update NeuroExam to open it.":
        "La base de datos {path} la escribió un NeuroExam más reciente (esquema {version}; esta "
        "versión lee hasta el {newest}). No se modificó. Actualice NeuroExam para abrirla.",
    "{path} is a symbolic link; NeuroExam writes only to a file of its own.":
        "{path} es un enlace simbólico; NeuroExam solo escribe en un archivo propio.",
    "{path} is open in NeuroExam (this or another workstation's window, or a command). Close it "
    "everywhere, then restore again. Nothing was changed.":
        "{path} está abierta en NeuroExam (en una ventana de este u otro puesto, o en una "
        "orden). Ciérrela en todas partes y vuelva a restaurar. No se cambió nada.",
    "{path} is a symbolic link; NeuroExam will not write through it.":
        "{path} es un enlace simbólico; NeuroExam no escribe a través de él.",
    "{path} exists already; choose a new file name.":
        "{path} ya existe; elija un nombre de archivo nuevo.",
    "The copy of {path} came out empty; no backup was written.":
        "La copia de {path} salió vacía; no se escribió ninguna copia de seguridad.",
    "The backup could not be written to {path}: {cause}. The database was not changed and no "
    "earlier backup was removed.":
        "No se pudo escribir la copia de seguridad en {path}: {cause}. La base de datos no se "
        "modificó y no se borró ninguna copia anterior.",
    "the copy failed ({cause})": "la copia falló ({cause})",
    "{path} is not a backup file (missing, a folder or a link).":
        "{path} no es un archivo de copia de seguridad (no existe, es una carpeta o un enlace).",
    "{path} holds no NeuroExam data (an empty database).":
        "{path} no contiene datos de NeuroExam (una base de datos vacía).",
    "{path} does not match its checksum file: it was changed or damaged after the backup was "
    "made. It was not restored.":
        "{path} no coincide con su archivo de suma de comprobación: se modificó o se dañó después "
        "de hacer la copia. No se restauró.",
    "Too many earlier copies beside {path}; move some away first.":
        "Hay demasiadas copias anteriores junto a {path}; mueva algunas antes.",
    "{path} is the live database itself; restore from a backup file.":
        "{path} es la propia base de datos en uso; restaure desde un archivo de copia de "
        "seguridad.",
    "Backups of a database server are made with the server's own tools (pg_dump); see the "
    "README, 'Setting up a clinic server'.":
        "Las copias de seguridad de un servidor de base de datos se hacen con las herramientas "
        "del propio servidor (pg_dump); véase el README, 'Setting up a clinic server'.",
    "Restoring a database server is done with the server's own tools (pg_restore); see the "
    "README, 'Setting up a clinic server'.":
        "Un servidor de base de datos se restaura con las herramientas del propio servidor "
        "(pg_restore); véase el README, 'Setting up a clinic server'.",
    "The database {where} was written by a newer NeuroExam (schema {version}; this version "
    "reads up to {newest}). It was not changed. Update NeuroExam to open it.":
        "La base de datos {where} la escribió un NeuroExam más reciente (esquema {version}; esta "
        "versión lee hasta el {newest}). No se modificó. Actualice NeuroExam para abrirla.",
    "The database cannot be opened ({cause}).": "No se puede abrir la base de datos ({cause}).",
    "The database {where} says schema {version} but its tables are not those of NeuroExam's "
    "schema {version} (schema hash {found}, expected {expected}): it was changed outside "
    "NeuroExam. It was not changed further. Restore a backup, or ask whoever administers the "
    "database.":
        "La base de datos {where} dice tener el esquema {version}, pero sus tablas no son las "
        "del esquema {version} de NeuroExam (huella del esquema {found}, se esperaba "
        "{expected}): se modificó fuera de NeuroExam. No se modificó más. Restaure una copia de "
        "seguridad o consulte a quien administre la base de datos.",
    # Errors of reading records (core/recordio.py, core/exchange/records_file.py): the whole
    # error, then each problem ("where: what", translated line by line)
    "{source} is not a valid patient record ({count} problems):\n{problems}":
        "{source} no es un registro de paciente válido ({count} problemas):\n{problems}",
    "{source} is not a valid patient record ({count} problem):\n{problems}":
        "{source} no es un registro de paciente válido ({count} problema):\n{problems}",
    "the import": "la importación",
    "expected a whole number, found {found}": "se esperaba un número entero; hay {found}",
    "version {version} was written by a newer NeuroExam (this one reads versions up to "
    "{newest}); update NeuroExam to read it":
        "la versión {version} la escribió un NeuroExam más reciente (este lee versiones hasta "
        "la {newest}); actualice NeuroExam para leerla",
    "{found} is not a side; allowed: left, right":
        "{found} no es un lado; se admiten: left, right",
    "unknown field {name}": "campo desconocido {name}",
    "required field is missing": "falta un campo obligatorio",
    "unknown {noun} {found}; allowed: {allowed}": "{noun} desconocido {found}; se admiten: "
                                                  "{allowed}",
    "{found} is not a valid {noun}; allowed: {allowed}":
        "{found} no es un valor válido ({noun}); se admiten: {allowed}",
    "{found} is not allowed here; allowed: {allowed}":
        "{found} no se admite aquí; se admiten: {allowed}",
    "{found} is not allowed here; expected {expected}":
        "{found} no se admite aquí; se esperaba {expected}",
    "{found} is not a date and time (expected ISO 8601 with a time zone)":
        "{found} no es una fecha y hora (se espera ISO 8601 con zona horaria)",
    "{found} is not a date (expected YYYY-MM-DD, a real calendar day)":
        "{found} no es una fecha (se espera AAAA-MM-DD, un día real del calendario)",
    "{found} is not a valid identifier (letters, digits and . _ : - only, at most 64 "
    "characters)":
        "{found} no es un identificador válido (solo letras, cifras y . _ : -, como mucho 64 "
        "caracteres)",
    "duplicate surgery id {id}": "identificador de cirugía repetido {id}",
    "duplicate exam id {id}": "identificador de exploración repetido {id}",
    "refers to unknown surgery {id}; surgeries in this record: {known}":
        "remite a una cirugía desconocida {id}; cirugías de este registro: {known}",
    "a reason is given but the item is not NT": "se da un motivo pero el elemento no es NT",
    "the file is {size} MiB; {what} larger than {limit} MiB are refused":
        "el archivo ocupa {size} MiB; se rechazan {what} de más de {limit} MiB",
    "records": "registros",
    "nested more than {depth} levels deep; a patient record never is":
        "anidado a más de {depth} niveles; un registro de paciente nunca lo está",
    "the file is not JSON{where}: {error}": "el archivo no es JSON{where}: {error}",
    " (line {line}, column {column})": " (línea {line}, columna {column})",
    "the file is nested far more than {depth} levels deep; a patient record never is":
        "el archivo está anidado a mucho más de {depth} niveles; un registro de paciente nunca "
        "lo está",
    "expected a JSON object at the top level": "se esperaba un objeto JSON en el nivel superior",
    "expected {expected}, found {found}": "se esperaba {expected}; hay {found}",
    "expected {one} (one patient) or {many} (many), found {found}":
        "se esperaba {one} (un paciente) o {many} (varios); hay {found}",
    "collection version {version} is not readable; this NeuroExam reads version {newest}":
        "la versión de colección {version} no se puede leer; este NeuroExam lee la versión "
        "{newest}",
    "expected a list of patient records": "se esperaba una lista de registros de pacientes",
    "patient {id} appears already at {where}": "el paciente {id} ya aparece en {where}",
    "patient {id} appears twice": "el paciente {id} aparece dos veces",
    "a record larger than {limit} MiB is refused": "se rechaza un registro de más de {limit} MiB",
    "a Bundle larger than {limit} MiB is refused": "se rechaza un Bundle de más de {limit} MiB",
    # The operating system's words for a file that cannot be read or written (Python gives
    # them in English)
    "No such file or directory": "No existe el archivo o la carpeta",
    "Permission denied": "Permiso denegado",
    "Is a directory": "Es una carpeta",
    "Not a directory": "No es una carpeta",
    "File exists": "El archivo ya existe",
    "No space left on device": "No queda espacio en el dispositivo",
    "Read-only file system": "Sistema de archivos de solo lectura",
    "Users are clinic-mode logins on a PostgreSQL database; on a workstation the "
    "operating-system account is the user.":
        "Los usuarios son accesos del modo clínica en una base de datos PostgreSQL; en un puesto "
        "de trabajo el usuario es la cuenta del sistema operativo.",
    # Errors of exporting (core/exchange/export.py)
    "de-identification is available for CSV exports only; JSON and FHIR carry the full record "
    "for the patient's own care":
        "la seudonimización solo existe para las exportaciones CSV; JSON y FHIR llevan el "
        "registro completo para la atención del propio paciente",
    "no patient with record id {id}": "no hay ningún paciente con el identificador {id}",
    "no exam {id} in this record; exams: {known}":
        "no hay ninguna exploración {id} en este registro; exploraciones: {known}",
    # Saving, signing, discarding and locking exams (core/store/records.py, drafts.py, locks.py,
    # core/edits.py; the app's session)
    "no exam {id} for patient {patient}":
        "no hay ninguna exploración {id} del paciente {patient}",
    "Exam {id} no longer exists in the database.":
        "La exploración {id} ya no existe en la base de datos.",
    "Exam {id} was saved elsewhere (revision {revision}, {when} UTC by {who}) after this copy was "
    "opened (revision {base}). Your changes were not saved; reopen the exam to see the newer "
    "version.":
        "La exploración {id} se guardó en otro lugar (revisión {revision}, {when} UTC, por {who}) "
        "después de abrir esta copia (revisión {base}). Sus cambios no se guardaron; vuelva a "
        "abrir la exploración para ver la versión más reciente.",
    "Exam {id} is signed; change it by an amendment with a reason.":
        "La exploración {id} está firmada; se cambia mediante una corrección con su motivo.",
    "Exam {id} is signed; sign or amend it instead.":
        "La exploración {id} está firmada; fírmela o corríjala en su lugar.",
    "An exam is signed by a named examiner.":
        "Una exploración la firma un explorador con nombre.",
    "An amendment needs a reason.": "Una corrección necesita un motivo.",
    "Only a signed exam is amended; a draft is simply edited.":
        "Solo se corrige una exploración firmada; un borrador simplemente se edita.",
    "No amendment has been started.": "No se ha empezado ninguna corrección.",
    "Signing and amending need your password, asked again each time.":
        "Para firmar y corregir hace falta su contraseña, que se pide cada vez.",
    "Operation {id} of {patient} exists already (added from another window or workstation); "
    "nothing was changed.":
        "La operación {id} de {patient} ya existe (se añadió desde otra ventana u otro puesto); "
        "no se cambió nada.",
    "The record exam {exam} was signed against names revision {revision} of {kind} {id}, which "
    "is not stored; the database was changed outside NeuroExam.":
        "El registro con el que se firmó la exploración {exam} remite a la revisión {revision} "
        "de {kind} {id}, que no está guardada; la base de datos se modificó fuera de NeuroExam.",
    "Exam {id} is not stored; there is nothing to discard.":
        "La exploración {id} no está guardada; no hay nada que descartar.",
    "Exam {id} is signed and is never discarded; amend it instead.":
        "La exploración {id} está firmada y nunca se descarta; corríjala en su lugar.",
    "Exam {id} was saved elsewhere since it was opened; reopen it before discarding it.":
        "La exploración {id} se guardó en otro lugar después de abrirla; vuelva a abrirla antes "
        "de descartarla.",
    "Exam {id} is signed and cannot be discarded; amend it instead.":
        "La exploración {id} está firmada y no se puede descartar; corríjala en su lugar.",
    "There is no exam {id} to discard.": "No hay ninguna exploración {id} que descartar.",
    "Operation {id} exists already; a new operation needs a new id (the next free one is "
    "{next}).":
        "La operación {id} ya existe; una operación nueva necesita un identificador nuevo (el "
        "siguiente libre es {next}).",
    "There is no operation {id} to change.": "No hay ninguna operación {id} que cambiar.",
    "A not-testable reason goes with an NT grade, and only with one.":
        "Un motivo de «no valorable» va con un grado NT, y solo con él.",
    "being edited by {name} at {workstation} since {since}":
        "la está editando {name} en {workstation} desde las {since}",
    "being edited by {name} at {workstation} since {since}; no sign of life from that "
    "workstation since {seen}, so the lock has expired and editing can be taken over":
        "la está editando {name} en {workstation} desde las {since}; ese puesto no da señales "
        "de vida desde las {seen}, así que el bloqueo ha caducado y se puede tomar el relevo",
    "This exam is {lock}; it can be amended here once they close it.":
        "Esta exploración: {lock}. Podrá corregirse aquí cuando la cierre.",
    "Exam {id}: the edit lock changed hands three times while it was being taken; try again.":
        "Exploración {id}: el bloqueo de edición cambió de manos tres veces mientras se tomaba; "
        "vuelva a intentarlo.",
    # Importing records (core/store/imports.py, core/exchange)
    "Patient {patient}: stored and imported {what} differ; nothing was imported. "
    "Differences:\n{listed}":
        "Paciente {patient}: {what} de la base de datos y del archivo importado no coinciden; "
        "no se importó nada. Diferencias:\n{listed}",
    "demographics": "los datos personales",
    "operation {id}": "la operación {id}",
    "exam {id}": "la exploración {id}",
    "{path}: stored {stored}, imported {imported}":
        "{path}: en la base de datos {stored}, en el archivo {imported}",
    "... and {count} more": "... y {count} más",
    "the Bundle holds no Patient": "el Bundle no contiene ningún Patient",
    "no migration from version {version}": "no hay migración desde la versión {version}",
    "the FHIR Bundle does not validate: {detail}":
        "el Bundle FHIR no supera la validación: {detail}",
    # Automatic backups (core/store/scheduled.py) and a server's backups (core/store/backup.py)
    "An automatic backup schedule needs an interval above zero and at least one backup kept.":
        "Las copias de seguridad automáticas necesitan un intervalo mayor que cero y conservar "
        "al menos una copia.",
    "Too many automatic backups named {stamp} in {folder}.":
        "Demasiadas copias de seguridad automáticas llamadas {stamp} en {folder}.",
    "The backup folder {folder} is a symbolic link; NeuroExam will not write through it. Choose "
    "a real folder in the settings.":
        "La carpeta de copias de seguridad {folder} es un enlace simbólico; NeuroExam no escribe "
        "a través de él. Elija una carpeta real en los ajustes.",
    "The backup folder {folder} is not a folder.":
        "La carpeta de copias de seguridad {folder} no es una carpeta.",
    "{where} is a database server: NeuroExam does not copy a server's database itself, the "
    "server's own tools do (a consistent copy while everyone keeps working). Nothing was "
    "written. As the database's owner or an administrator login:\n"
    "  pg_dump {server} --format=custom --file {name} {database}\n"
    "  pg_restore --list {name} > /dev/null    (the copy reads back)\n"
    "To restore, with NeuroExam closed at every workstation, as the database's owner:\n"
    "  pg_restore {server} --clean --if-exists --no-owner --dbname {database} {name}\n"
    "The logins and their groups are kept by the server, not in the database: save them as the "
    "postgres account with `pg_dumpall --roles-only`. README: 'Backups in clinic mode'.":
        "{where} es un servidor de base de datos: NeuroExam no copia él mismo la base de datos "
        "de un servidor, lo hacen las herramientas del propio servidor (una copia coherente "
        "mientras todos siguen trabajando). No se escribió nada. Como propietario de la base de "
        "datos o con un usuario administrador:\n"
        "  pg_dump {server} --format=custom --file {name} {database}\n"
        "  pg_restore --list {name} > /dev/null    (comprueba que la copia se lee)\n"
        "Para restaurarla, con NeuroExam cerrado en todos los puestos, como propietario de la "
        "base de datos:\n"
        "  pg_restore {server} --clean --if-exists --no-owner --dbname {database} {name}\n"
        "Los usuarios y sus grupos los guarda el servidor, no la base de datos: guárdelos con la "
        "cuenta postgres mediante `pg_dumpall --roles-only`. README: 'Backups in clinic mode'.",
    # Opening a shared database, logging in, the clinic's logins and pseudonym key
    "The shared database {where} {found}; this NeuroExam needs schema {version}. NeuroExam does "
    "not change a shared database on its own: the clinic's database administrator must run "
    "`neuroexam db upgrade --database URL` with the login that owns the database, after a "
    "backup (README, Clinic mode). Nothing was changed.":
        "La base de datos compartida {where} {found}; este NeuroExam necesita el esquema "
        "{version}. NeuroExam no modifica por su cuenta una base de datos compartida: el "
        "administrador de la base de datos de la clínica debe ejecutar `neuroexam db upgrade "
        "--database URL` con el usuario propietario de la base de datos, después de hacer una "
        "copia de seguridad (README, Clinic mode). No se cambió nada.",
    "is empty": "está vacía",
    "is at schema {version}": "tiene el esquema {version}",
    "A password is needed: an empty one is never accepted.":
        "Hace falta una contraseña: nunca se acepta una vacía.",
    "{where} holds no pseudonym key; run `neuroexam db upgrade` as the database's owner.":
        "{where} no contiene ninguna clave de seudónimos; ejecute `neuroexam db upgrade` como "
        "propietario de la base de datos.",
    "{path} is not a regular file (a symbolic link, a folder or a device); NeuroExam reads its "
    "pseudonym key only from a real file":
        "{path} no es un archivo normal (es un enlace simbólico, una carpeta o un dispositivo); "
        "NeuroExam solo lee su clave de seudónimos de un archivo real",
    "{path} is not a pseudonym key (it holds {size} bytes, at least 16 are needed); restore it "
    "from a backup or remove it to start anew":
        "{path} no es una clave de seudónimos (tiene {size} bytes y hacen falta al menos 16); "
        "restáurela desde una copia de seguridad o elimínela para empezar de nuevo",
    "{login} is not a valid login name (letters, digits, '_' and '.', at most 63)":
        "{login} no es un nombre de usuario válido (letras, cifras, «_» y «.», como mucho 63)",
    "unknown role {role}; one of {roles}": "rol desconocido {role}; uno de {roles}",
    "a password has at least 8 characters": "una contraseña tiene al menos 8 caracteres",
    "the login {login} exists already on this server": "el usuario {login} ya existe en este "
                                                       "servidor",
    # Assessing and printing (core/engine, core/reports), the installation (core/assets.py)
    "the record has no exams": "el registro no tiene ninguna exploración",
    "only a signed exam has an archived (PDF/A) copy":
        "solo una exploración firmada tiene copia de archivo (PDF/A)",
    "NeuroExam's assets are missing: reinstall the program (they ship as the package "
    "neuroexam_assets)":
        "Faltan los recursos de NeuroExam: vuelva a instalar el programa (vienen en el paquete "
        "neuroexam_assets)",
}
