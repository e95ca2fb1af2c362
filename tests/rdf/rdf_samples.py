"""Resolutions built by hand, as the parser would produce them: one per identifier style.

Also imported by ``benchmarks/bench_rdf.py``.
"""

from __future__ import annotations

from datetime import date

from respub.model import (
    Annex,
    Citation,
    Footnote,
    OperativeClause,
    PreambularClause,
    Resolution,
    Session,
    Source,
    SubParagraph,
)


def interpol_es() -> Resolution:
    """INTERPOL GA-2021-89-RES-09 in Spanish: 8 recitals, 2 unnumbered operative clauses."""
    return Resolution(
        identifier="GA-2021-89-RES-09",
        body="INTERPOL-GA",
        language="es",
        source=Source(
            path="corpus/interpol/GA-2021-89-RES-09-ES.pdf",
            sha256="3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea",
            media_type="application/pdf",
        ),
        number="9",
        title="Cooperación policial internacional contra la delincuencia financiera",
        session=Session(
            number=89,
            place="Estambul",
            country="Turquía",
            start=date(2021, 11, 23),
            end=date(2021, 11, 25),
        ),
        adopted=date(2021, 11, 25),
        status="adopted",
        formula=(
            "La Asamblea General de la OIPC-INTERPOL, en su 89ª reunión, celebrada en "
            "Estambul (Turquía) del 23 al 25 de noviembre de 2021,"
        ),
        preamble=(
            PreambularClause(
                "CONSIDERANDO",
                "CONSIDERANDO que la delincuencia financiera socava la confianza pública,",
                "considering",
            ),
            PreambularClause(
                "RECORDANDO",
                "RECORDANDO la Resolución AGN/65/RES/9 sobre el blanqueo de capitales,",
                "recalling",
            ),
            PreambularClause(
                "RECORDANDO ASIMISMO",
                "RECORDANDO ASIMISMO la Resolución AG-2005-RES-09 sobre la recuperación "
                "de activos,",
                "recalling",
            ),
            PreambularClause(
                "TENIENDO PRESENTE",
                "TENIENDO PRESENTE el artículo 2 del Estatuto de la OIPC-INTERPOL,",
                "bearing-in-mind",
            ),
            PreambularClause(
                "RECONOCIENDO",
                "RECONOCIENDO la labor de los países miembros en materia de cooperación,",
                "recognizing",
            ),
            PreambularClause(
                "PREOCUPADA",
                "PREOCUPADA por el aumento de los fraudes en línea,",
                "concerned",
            ),
            PreambularClause(
                "CONVENCIDA",
                "CONVENCIDA de la necesidad de intercambiar información con rapidez,",
                "convinced",
            ),
            PreambularClause(
                "HABIENDO EXAMINADO",
                "HABIENDO EXAMINADO el informe GA-2021-89-REP-07 de la Secretaría General,",
                "considering",
            ),
        ),
        operative=(
            OperativeClause(
                "INSTA",
                "INSTA a los países miembros a ratificar la Convención de las Naciones Unidas "
                "contra la Delincuencia Organizada Transnacional;",
                concept="urges",
            ),
            OperativeClause(
                "DECIDE",
                "DECIDE crear un grupo de trabajo sobre delincuencia financiera.",
                concept="decides",
            ),
        ),
        citations=(
            Citation("AGN/65/RES/9", "Resolución AGN/65/RES/9", "resolution", "preamble-2"),
            Citation("AG-2005-RES-09", "Resolución AG-2005-RES-09", "resolution", "preamble-3"),
            Citation(
                "Constitution of the ICPO-INTERPOL, Article 2",
                "artículo 2 del Estatuto de la OIPC-INTERPOL",
                "article",
                "preamble-4",
            ),
            Citation(
                "United Nations Convention against Transnational Organized Crime",
                "Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional",
                "treaty",
                "operative-1",
            ),
        ),
    )


def interpol_ar() -> Resolution:
    """The same INTERPOL work in Arabic, short: a second expression of one work."""
    return Resolution(
        identifier="GA-2021-89-RES-09",
        body="INTERPOL-GA",
        language="ar",
        source=Source(
            path="corpus/interpol/GA-2021-89-RES-09-AR.txt",
            sha256="9b2f0a6c1e3d4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6",
            media_type="text/plain",
        ),
        number="9",
        title="التعاون الشرطي الدولي لمكافحة الجرائم المالية",
        session=Session(number=89, place="إسطنبول", country="تركيا"),
        adopted=date(2021, 11, 25),
        status="adopted",
        formula="إن الجمعية العامة للمنظمة الدولية للشرطة الجنائية (الإنتربول)،",
        preamble=(PreambularClause("إذ تشير", "إذ تشير إلى القرار AGN/65/RES/9،", "recalling"),),
        operative=(OperativeClause("تقرر", "تقرر إنشاء فريق عامل.", concept="decides"),),
        citations=(Citation("AGN/65/RES/9", "القرار AGN/65/RES/9", "resolution", "preamble-1"),),
    )


def un_en() -> Resolution:
    """UN A/RES/76/300 in English: numbered clauses, (a)/(b) with (i)/(ii), footnotes, annex."""
    return Resolution(
        identifier="A/RES/76/300",
        body="UN-GA",
        language="en",
        source=Source(
            path="corpus/un/A_RES_76_300-EN.pdf",
            sha256="c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00",
            media_type="application/pdf",
        ),
        number="76/300",
        title="The human right to a clean, healthy and sustainable environment",
        session=Session(
            number=76,
            place="New York",
            country="United States of America",
            start=date(2021, 9, 14),
            end=date(2022, 9, 12),
        ),
        adopted=date(2022, 7, 28),
        status="adopted",
        formula="The General Assembly,",
        preamble=(
            PreambularClause(
                "Reaffirming",
                "Reaffirming the Declaration on Principles of International Law, contained in "
                "resolution 2625 (XXV),",
                "reaffirming",
            ),
            PreambularClause(
                "Recalling",
                "Recalling Human Rights Council resolution 48/13 of 8 October 2021,1",
                "recalling",
            ),
            PreambularClause(
                "Noting",
                "Noting the report of the Special Rapporteur,2",
                "noting",
            ),
        ),
        operative=(
            OperativeClause(
                "Recognizes",
                "Recognizes the right to a clean, healthy and sustainable environment as a "
                "human right;",
                1,
                "recognizes",
            ),
            OperativeClause(
                "Notes",
                "Notes that the right is related to other rights and existing international law;",
                2,
                "takes-note",
            ),
            OperativeClause(
                "Calls upon",
                "Calls upon States, international organizations and business enterprises:",
                3,
                "calls-upon",
                (
                    SubParagraph("(a)", "to adopt policies;"),
                    SubParagraph(
                        "(b)",
                        "to scale up international cooperation, in particular:",
                        (
                            SubParagraph("(i)", "through capacity-building;"),
                            SubParagraph("(ii)", "through technology transfer;"),
                        ),
                    ),
                ),
            ),
            OperativeClause(
                "Decides",
                "Decides to remain seized of the matter.",
                4,
                "decides",
            ),
        ),
        footnotes=(
            Footnote("1", "See Official Records of the General Assembly, Supplement No. 53A."),
            Footnote("2", "A/77/284."),
        ),
        annexes=(
            Annex(
                "Framework principles",
                ("Principle 1. States should ensure a safe environment.", "Principle 2. ..."),
            ),
        ),
        citations=(
            Citation("A/RES/2625(XXV)", "resolution 2625 (XXV)", "resolution", "preamble-1"),
            Citation(
                "A/HRC/RES/48/13",
                "Human Rights Council resolution 48/13",
                "resolution",
                "preamble-2",
            ),
            Citation("A/77/284", "A/77/284", "document", "footnote-2"),
        ),
    )


def wha_en() -> Resolution:
    """WHO WHA62.16 in English: numbered operative clauses with (1)/(2) sub-paragraphs."""
    return Resolution(
        identifier="WHA62.16",
        body="WHO-WHA",
        language="en",
        source=Source(
            path="corpus/who/WHA62.16-en.pdf",
            sha256="00000000000000000000000000000000000000000000000000000000000000ff",
            media_type="application/pdf",
        ),
        number="62.16",
        title="Global strategy and plan of action on public health, innovation and "
        "intellectual property",
        session=Session(
            number=62,
            place="Geneva",
            country="Switzerland",
            start=date(2009, 5, 18),
            end=date(2009, 5, 22),
        ),
        adopted=date(2009, 5, 22),
        formula="The Sixty-second World Health Assembly,",
        preamble=(
            PreambularClause(
                "Recalling",
                "Recalling resolution WHA61.21 on the global strategy and plan of action;",
                "recalling",
            ),
            PreambularClause(
                "Having considered",
                "Having considered the report on public health, innovation and intellectual "
                "property;",
                "considering",
            ),
        ),
        operative=(
            OperativeClause(
                "DECIDES",
                "DECIDES that the specified progress indicators are added to the plan;",
                1,
                "decides",
            ),
            OperativeClause(
                "REQUESTS",
                "REQUESTS the Director-General:",
                2,
                "requests",
                (
                    SubParagraph("(1)", "to implement the plan of action;"),
                    SubParagraph("(2)", "to report on progress to the Health Assembly."),
                ),
            ),
        ),
        citations=(Citation("WHA61.21", "resolution WHA61.21", "resolution", "preamble-1"),),
    )


SAMPLES = {
    "interpol-es": interpol_es,
    "interpol-ar": interpol_ar,
    "un-en": un_en,
    "wha-en": wha_en,
}
