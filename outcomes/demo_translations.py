"""The demo outcomes' translations, made by the demo's translators (outcomes.demo): session 1.2's outcome
in French and Spanish (all five sections), session 2.2's in French for three sections only (the other
two, and Spanish, still to do), so that the public pages show both a complete translation and one in
progress, marked. Faithful to the English originals in outcomes.demo.PUBLISHED."""

NBSP = "\u00a0"  # French puts a non-breaking space before a colon or semicolon

TRANSLATIONS = {
    "1.2": {
        "fr": {
            "summary": (
                "<p>La session a examiné la migration irrégulière comme l'autre face de la migration régulière, "
                "ainsi que les partenariats qui les abordent ensemble. Les participants sont convenus que le "
                "manque de possibilités de migration régulière, ou leur méconnaissance, est en soi une cause de "
                "migration irrégulière.</p><p>Les débats ont porté avant tout sur les plus vulnérables"
                f"{NBSP}: les victimes de la traite, les travailleurs sous contrat de servitude, les femmes et "
                "les enfants, ainsi que les familles des migrants en situation irrégulière, au pays comme à "
                "l'étranger. La plupart des migrants en situation irrégulière étant des travailleurs, il a été "
                "question à la fois de ces travailleurs et des employeurs qui les engagent dans des activités "
                "irrégulières.</p>"
            ),
            "conclusions": (
                "<ul><li>La migration irrégulière relève d'une approche globale qui protège les droits du "
                "travail et les droits humains des migrants tout au long du cycle migratoire.</li><li>Les "
                "approches conjointes des pays d'origine, de transit et de destination, associant la diaspora, "
                "donnent de meilleurs résultats que des mesures prises isolément.</li><li>Des données fiables "
                "sur l'ampleur réelle du phénomène, sa répartition géographique et ses formes sont "
                "indispensables à une politique avisée.</li></ul>"
            ),
            "recommendations": (
                f"<ol><li><strong>Ouvrir et faire connaître les voies régulières</strong>{NBSP}: informer, "
                "dans les pays d'origine, des possibilités de migration légale, afin que moins de personnes se "
                f"tournent vers les passeurs.</li><li><strong>Protéger les plus vulnérables</strong>{NBSP}: "
                "identifier et assister les victimes de la traite et de l'exploitation, quel que soit leur "
                "statut.</li><li><strong>S'adresser aux employeurs</strong> qui engagent des travailleurs de "
                "manière irrégulière, et pas seulement aux travailleurs.</li><li><strong>Coopérer pour un "
                "développement</strong> qui offre aux personnes des alternatives viables à la migration "
                "irrégulière.</li></ol>"
            ),
            "good_practices": (
                "<p>Les participants ont cité des accords bilatéraux qui associent la réadmission à des quotas "
                "de migration de travail, des campagnes d'information menées conjointement par les pays "
                "d'origine et de destination, et des associations de la diaspora qui conseillent les candidats "
                "à la migration avant leur départ.</p>"
            ),
            "follow_up": (
                "<p>Les coprésidents proposent que le Forum recense les dispositifs d'échange de données "
                "présentés, et que la prochaine réunion se penche sur la perception des migrants par "
                "l'opinion publique, afin de réduire la xénophobie et de favoriser le bien-être des migrants "
                "dans la société.</p>"
            ),
        },
        "es": {
            "summary": (
                "<p>La sesión examinó la migración irregular como la otra cara de la migración regular, así como "
                "las alianzas que abordan ambas de manera conjunta. Los participantes coincidieron en que la "
                "falta de oportunidades de migración regular, o el desconocimiento de las mismas, es en sí "
                "misma una causa de la migración irregular.</p><p>El debate se centró en los más vulnerables: "
                "las víctimas de la trata, los trabajadores en régimen de servidumbre, las mujeres y los niños, "
                "y las familias de los migrantes en situación irregular, tanto en el país de origen como en el "
                "extranjero. Dado que la mayoría de los migrantes en situación irregular son trabajadores, se "
                "habló tanto de ellos como de los empleadores que los contratan para actividades "
                "irregulares.</p>"
            ),
            "conclusions": (
                "<ul><li>La migración irregular debe abordarse con un enfoque integral que proteja los derechos "
                "laborales y los derechos humanos de los migrantes a lo largo de todo el ciclo "
                "migratorio.</li><li>Los enfoques conjuntos de los países de origen, tránsito y destino, junto "
                "con la diáspora, dan mejores resultados que las medidas adoptadas de forma aislada.</li><li>Los "
                "datos fiables sobre las dimensiones reales del fenómeno, su distribución geográfica y sus "
                "formas son indispensables para una política acertada.</li></ul>"
            ),
            "recommendations": (
                "<ol><li><strong>Abrir y dar a conocer vías regulares</strong>: difundir en los países de origen "
                "las oportunidades de migración legal, para que menos personas recurran a los "
                "traficantes.</li><li><strong>Proteger a los vulnerables</strong>: identificar y asistir a las "
                "víctimas de la trata y de la explotación, cualquiera que sea su situación.</li><li><strong>"
                "Dirigirse a los empleadores</strong> que contratan trabajadores de forma irregular, no solo a "
                "los trabajadores.</li><li><strong>Cooperar en favor de un desarrollo</strong> que ofrezca a las "
                "personas alternativas viables a la migración irregular.</li></ol>"
            ),
            "good_practices": (
                "<p>Los participantes citaron acuerdos bilaterales que vinculan la readmisión con cupos de "
                "migración laboral, campañas de información realizadas conjuntamente por los países de origen y "
                "de destino, y asociaciones de la diáspora que asesoran a los futuros migrantes antes de su "
                "partida.</p>"
            ),
            "follow_up": (
                "<p>Los copresidentes proponen que el Foro recopile los mecanismos de intercambio de datos "
                "presentados y que la próxima reunión aborde la percepción pública de los migrantes, con el fin "
                "de reducir la xenofobia y promover el bienestar de los migrantes en la sociedad.</p>"
            ),
        },
    },
    # In progress: three sections in French; good practices, follow-up and all of Spanish still to do.
    "2.2": {
        "fr": {
            "summary": (
                "<p>La session a placé le genre et la famille, jusqu'ici traités en marge du Forum, au cœur de "
                "la discussion sur la migration et le développement. Les participants ont décrit comment la "
                "migration transforme les structures familiales traditionnelles et les relations entre les "
                "femmes et les hommes, et comment ces changements influent sur le développement des "
                f"enfants.</p><p>Un large accord s'est dégagé{NBSP}: l'autonomisation des femmes migrantes et "
                "de la diaspora est un facteur déterminant pour la formation des familles, le développement des "
                "communautés et la réduction de la pauvreté.</p>"
            ),
            "conclusions": (
                "<ul><li>La migration des femmes et celle des hommes ont des effets différents sur la famille, "
                f"au pays comme à l'étranger{NBSP}; les politiques doivent tenir compte des unes comme des "
                "autres.</li><li>La famille est une force importante de cohésion sociale et de développement, "
                "et mérite une attention à part entière.</li><li>Le genre et la famille sont au cœur des "
                "objectifs du Millénaire pour le développement, et d'une politique migratoire "
                "cohérente.</li></ul>"
            ),
            "recommendations": (
                "<ol><li><strong>Des politiques migratoires attentives au genre</strong>, notamment en matière "
                "d'éducation et de formation pour l'émigration, l'intégration et le retour.</li><li><strong>Un "
                "soutien aux enfants et aux familles</strong> restés au pays et dans les pays d'accueil, comme "
                "le versement des pensions alimentaires par-delà les frontières.</li><li><strong>La protection "
                "des victimes</strong> de la traite et de l'exploitation fondée sur le genre.</li><li><strong>La "
                "participation des jeunes migrants et de la diaspora</strong> au développement de leurs "
                "communautés.</li></ol>"
            ),
        },
    },
}
