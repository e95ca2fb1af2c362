"""The failing fixtures: a small valid document, and one change per shape that breaks it.

``fixtures/<shape-name>.ttl`` is the base document with that shape's change applied;
``test_fixtures_are_generated`` checks the committed files against these cases, and
``RESPUB_REGENERATE_SNAPSHOTS=1`` rewrites them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph
from rdflib.plugins.sparql import prepareUpdate
from rdflib.plugins.sparql.sparql import Update

FIXTURES = Path(__file__).with_name("fixtures")

PREFIXES = """\
@prefix respub: <https://respub.org/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix res: <https://data.respub.org/resolution/un-ga/80/> .
@prefix en: <https://data.respub.org/resolution/un-ga/80/4/en#> .
@prefix file: <https://data.respub.org/resolution/un-ga/80/4/> .
@prefix body: <https://data.respub.org/body/> .
@prefix session: <https://data.respub.org/session/un-ga/> .
@prefix status: <https://data.respub.org/concept/status/> .
@prefix scheme: <https://data.respub.org/concept/> .
@prefix op: <https://data.respub.org/concept/operative/> .
@prefix pre: <https://data.respub.org/concept/preambular/> .
@prefix addressee: <https://data.respub.org/concept/addressee/> .
@prefix lang: <http://publications.europa.eu/resource/authority/language/> .
@prefix other: <https://data.respub.org/other/> .
@prefix sub: <https://data.respub.org/resolution/un-ga/80/4#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix text: <https://www.iana.org/assignments/media-types/text/> .
@prefix application: <https://www.iana.org/assignments/media-types/application/> .
"""

# A document with one node of every class, valid against every shape (no warnings).
BASE = (
    PREFIXES
    + """
res:4 a respub:Resolution ;
    respub:identifier "A/RES/80/4" ;
    respub:passedBy body:un-ga ;
    respub:number "80/4" ;
    respub:dateAdopted "2025-10-01"^^xsd:date ;
    respub:status status:adopted ;
    respub:adoptedAt session:80 ;
    respub:cites res:1 ;
    respub:realizedBy file:en .

session:80 a respub:Session ;
    respub:heldBy body:un-ga ;
    respub:sessionNumber 80 ;
    respub:place "New York"@en ;
    respub:country "United States of America"@en ;
    respub:startDate "2025-09-09"^^xsd:date ;
    respub:endDate "2026-09-08"^^xsd:date .

file:en a respub:Expression ;
    respub:languageCode "en" ;
    respub:language lang:ENG ;
    respub:title "A test resolution"@en ;
    respub:formula "The General Assembly,"@en ;
    respub:isEmbodiedBy file:en.pdf , file:en.ttl ;
    respub:hasPreamble en:preamble ;
    respub:hasOperativeClause en:operative-1 , en:operative-2 ;
    respub:hasFootnote en:footnote-1 ;
    respub:hasAnnex en:annex-1 ;
    respub:hasCitation en:citation-1 .

file:en.pdf a respub:SourceFile , respub:Manifestation ;
    respub:mediaType "application/pdf" ;
    eli:media_type application:pdf ;
    eli:format application:pdf ;
    respub:sha256 "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00" ;
    respub:location "corpus/un/A_RES_80_4-EN.pdf" .

file:en.ttl a respub:Manifestation ;
    respub:mediaType "text/turtle" ;
    eli:media_type text:turtle ;
    eli:format text:turtle ;
    respub:derivedFrom file:en.pdf .

en:preamble a respub:Preamble ;
    respub:hasPreambularClause en:preamble-1 .

en:preamble-1 a respub:PreambularClause ;
    respub:position 1 ;
    respub:keyword "Recalling"@en ;
    respub:text "Recalling its resolution 80/1,"@en ;
    respub:concept pre:recalling ;
    respub:mentions res:1 .

en:operative-1 a respub:OperativeClause ;
    respub:position 1 ;
    respub:paragraphNumber 1 ;
    respub:keyword "Decides"@en ;
    respub:text "Decides:"@en ;
    respub:sectionHeading "I Procedure"@en ;
    respub:concept op:decides ;
    respub:actsOnItself true ;
    respub:hasSubParagraph en:operative-1-a .

en:operative-1-a a respub:SubParagraph ;
    respub:position 1 ;
    respub:printedLabel "(a)" ;
    respub:text "to act;"@en .

en:operative-2 a respub:OperativeClause ;
    respub:position 2 ;
    respub:paragraphNumber 2 ;
    respub:keyword "Requests"@en ;
    respub:text "Requests a report."@en ;
    respub:concept op:requests ;
    respub:addressee addressee:secretary-general .

en:footnote-1 a respub:Footnote ;
    respub:position 1 ;
    respub:printedLabel "1" ;
    respub:text "See A/80/1."@en ;
    respub:markedIn en:preamble-1 ;
    respub:markOffset 9 .

en:annex-1 a respub:Annex ;
    respub:position 1 ;
    respub:heading "Annex"@en ;
    respub:text "The text of the annex."@en .

en:citation-1 a respub:Citation ;
    respub:position 1 ;
    respub:citedIdentifier "A/RES/80/1" ;
    respub:citationKind "resolution" ;
    respub:textAsPrinted "resolution 80/1"@en ;
    respub:citedWork res:1 ;
    respub:occursIn en:preamble-1 .

res:1 a respub:Resolution ;
    respub:identifier "A/RES/80/1" ;
    respub:passedBy body:un-ga ;
    respub:dateAdopted "2025-09-10"^^xsd:date ;
    respub:realizedBy file:en-of-1 .

file:en-of-1 a respub:Expression ;
    respub:languageCode "en" ;
    respub:language lang:ENG ;
    respub:title "An earlier resolution"@en ;
    respub:isEmbodiedBy file:en-of-1.txt ;
    respub:hasOperativeClause file:en-of-1-operative-1 .

file:en-of-1.txt a respub:SourceFile , respub:Manifestation ;
    respub:mediaType "text/plain" ;
    eli:media_type text:plain ;
    eli:format text:plain ;
    respub:sha256 "00000000000000000000000000000000000000000000000000000000000000ff" ;
    respub:location "corpus/un/A_RES_80_1-EN.txt" .

file:en-of-1-operative-1 a respub:OperativeClause ;
    respub:position 1 ;
    respub:keyword "Decides"@en ;
    respub:text "Decides."@en ;
    respub:concept op:decides .

body:un-ga a respub:DeliberativeBody , skos:Concept ;
    skos:prefLabel "United Nations General Assembly"@en ,
        "Assemblée générale des Nations Unies"@fr ,
        "Asamblea General de las Naciones Unidas"@es ,
        "الجمعية العامة للأمم المتحدة"@ar ;
    skos:notation "UN-GA" ;
    skos:inScheme scheme:body .

status:adopted a skos:Concept ;
    skos:prefLabel "Adopted"@en ;
    skos:inScheme scheme:status .

scheme:body a skos:ConceptScheme .
scheme:status a skos:ConceptScheme .
"""
)

_UPDATE_PREFIXES = "".join(
    f"PREFIX {line.split()[1]} {line.split()[2]}\n" for line in PREFIXES.splitlines()
)

# The standard terms the mapping states beside respub's own (ontology/README.md), as
# rules: applied to the base, and after each change to respub's terms, so a fixture
# differs from a valid document only by its change. (Media types are in the base.)
MIRROR = """
INSERT { ?w a eli:LegalResource ;
    eli:type_document <https://data.respub.org/concept/document-type/resolution> }
WHERE { ?w a respub:Resolution } ;
INSERT { ?e a eli:LegalExpression } WHERE { ?e a respub:Expression } ;
INSERT { ?m a eli:Format } WHERE { ?m a respub:Manifestation } ;
INSERT { ?e eli:realizes ?w } WHERE { ?w a respub:Resolution ; respub:realizedBy ?e .
    ?e a respub:Expression } ;
INSERT { ?m eli:embodies ?e } WHERE { ?e a respub:Expression ; respub:isEmbodiedBy ?m .
    ?m a respub:Manifestation } ;
INSERT { ?s ?standard ?o } WHERE {
    VALUES (?own ?standard) {
        (respub:identifier eli:id_local) (respub:identifier dcterms:identifier)
        (respub:number eli:number)
        (respub:dateAdopted eli:date_document) (respub:dateAdopted dcterms:date)
        (respub:passedBy eli:passed_by) (respub:realizedBy eli:is_realized_by)
        (respub:cites eli:cites) (respub:cites dcterms:references)
        (respub:title eli:title) (respub:title dcterms:title)
        (respub:language eli:language) (respub:language dcterms:language)
        (respub:isEmbodiedBy eli:is_embodied_by) (respub:derivedFrom prov:wasDerivedFrom)
        (respub:hasPreamble dcterms:hasPart) (respub:hasPreambularClause dcterms:hasPart)
        (respub:hasOperativeClause dcterms:hasPart) (respub:hasSubParagraph dcterms:hasPart)
        (respub:hasFootnote dcterms:hasPart) (respub:hasAnnex dcterms:hasPart)
    }
    ?s ?own ?o } ;
INSERT { ?part dcterms:isPartOf ?whole } WHERE { ?whole dcterms:hasPart ?part } ;
INSERT { ?w eli:has_part ?sub . ?sub a eli:LegalResourceSubdivision ; eli:is_part_of ?w ;
    eli:number ?n ; eli:is_realized_by ?clause }
WHERE {
    ?w a respub:Resolution ; respub:realizedBy ?e .
    ?e respub:hasOperativeClause ?clause .
    ?clause respub:paragraphNumber ?number .
    FILTER (DATATYPE(?number) = xsd:integer)
    BIND (STR(?number) AS ?n)
    BIND (IRI(CONCAT(STR(?w), "#operative-", ?n)) AS ?sub)
}
"""

# shape local name -> (what the change does, SPARQL Update applied to the base)
CASES: dict[str, tuple[str, str]] = {
    "Resolution-identifier": (
        "an identifier in no known style",
        'DELETE DATA { res:4 respub:identifier "A/RES/80/4" } ;'
        ' INSERT DATA { res:4 respub:identifier "RES 80/4" }',
    ),
    "Resolution-passedBy": (
        "no body",
        "DELETE DATA { res:4 respub:passedBy body:un-ga }",
    ),
    "Resolution-number": (
        "two numbers",
        'INSERT DATA { res:4 respub:number "4" }',
    ),
    "Resolution-dateAdopted": (
        "an adoption date that is a plain string",
        'DELETE DATA { res:4 respub:dateAdopted "2025-10-01"^^xsd:date } ;'
        ' INSERT DATA { res:4 respub:dateAdopted "1 October 2025" }',
    ),
    "Resolution-dateAdopted-present": (
        "no adoption date (a warning)",
        'DELETE DATA { res:4 respub:dateAdopted "2025-10-01"^^xsd:date }',
    ),
    "Resolution-status": (
        "a status outside the scheme",
        "DELETE DATA { res:4 respub:status status:adopted } ;"
        " INSERT DATA { res:4 respub:status status:pending }",
    ),
    "Resolution-adoptedAt": (
        "a session that is not described",
        "DELETE DATA { res:4 respub:adoptedAt session:80 } ;"
        " INSERT DATA { res:4 respub:adoptedAt session:81 }",
    ),
    "Resolution-realizedBy": (
        "a second version that is not described",
        "INSERT DATA { res:4 respub:realizedBy file:fr }",
    ),
    "Resolution-cites": (
        "a citation by a string instead of an IRI",
        'INSERT DATA { res:4 respub:cites "A/RES/80/1" }',
    ),
    "NoSelfCitation": (
        "the resolution cites itself",
        "INSERT DATA { res:4 respub:cites res:4 }",
    ),
    "OneExpressionPerLanguage": (
        "a second, valid English version of the same resolution",
        """INSERT DATA {
            res:4 respub:realizedBy file:en-bis .
            file:en-bis a respub:Expression ; respub:languageCode "en" ; respub:language lang:ENG ;
                respub:title "A test resolution, again"@en ;
                respub:isEmbodiedBy file:en-bis.txt ; respub:hasOperativeClause file:en-bis-1 .
            file:en-bis.txt a respub:SourceFile , respub:Manifestation ;
                respub:mediaType "text/plain" ; respub:location "copy.txt" ;
                eli:media_type text:plain ; eli:format text:plain ;
                respub:sha256 "ff00000000000000000000000000000000000000000000000000000000000000" .
            file:en-bis-1 a respub:OperativeClause ; respub:position 1 ;
                respub:keyword "Decides"@en ; respub:text "Decides."@en ;
                respub:concept op:decides .
        }""",
    ),
    "AdoptedDuringSession": (
        "adopted after the session ended",
        'DELETE DATA { res:4 respub:dateAdopted "2025-10-01"^^xsd:date } ;'
        ' INSERT DATA { res:4 respub:dateAdopted "2027-01-01"^^xsd:date }',
    ),
    "Expression-languageCode": (
        "a second language code outside the list",
        'INSERT DATA { file:en respub:languageCode "english" }',
    ),
    "Expression-language": (
        "a language that is not an EU authority concept",
        "DELETE DATA { file:en respub:language lang:ENG } ;"
        " INSERT DATA { file:en respub:language <http://id.loc.gov/vocabulary/iso639-1/en> }",
    ),
    "Expression-realizes": (
        "a version realizing two works",
        "INSERT DATA { res:5 respub:realizedBy file:en }",
    ),
    "Expression-title": (
        "two titles",
        'INSERT DATA { file:en respub:title "Another title"@en }',
    ),
    "Expression-title-present": (
        "no title (a warning)",
        'DELETE DATA { file:en respub:title "A test resolution"@en }',
    ),
    "Expression-formula": (
        "a formula without a language tag",
        'DELETE DATA { file:en respub:formula "The General Assembly,"@en } ;'
        ' INSERT DATA { file:en respub:formula "The General Assembly," }',
    ),
    "Expression-hasPreamble": (
        "a second preamble that is not described",
        "INSERT DATA { file:en respub:hasPreamble en:preamble-bis }",
    ),
    "Expression-hasOperativeClause": (
        "an operative clause that is not described",
        "INSERT DATA { file:en respub:hasOperativeClause en:operative-9 }",
    ),
    "Expression-hasFootnote": (
        "a footnote that is not described",
        "INSERT DATA { file:en respub:hasFootnote en:footnote-9 }",
    ),
    "Expression-hasAnnex": (
        "an annex that is not described",
        "INSERT DATA { file:en respub:hasAnnex en:annex-9 }",
    ),
    "Expression-hasCitation": (
        "a citation that is not described",
        "INSERT DATA { file:en respub:hasCitation en:citation-9 }",
    ),
    "Expression-isEmbodiedBy": (
        "a file that is not described",
        "INSERT DATA { file:en respub:isEmbodiedBy file:en.html }",
    ),
    "Expression-source": (
        "a second, valid source file",
        """INSERT DATA {
            file:en respub:isEmbodiedBy file:en.txt .
            file:en.txt a respub:SourceFile , respub:Manifestation ;
                respub:mediaType "text/plain" ; respub:location "a.txt" ;
                eli:media_type text:plain ; eli:format text:plain ;
                respub:sha256 "ff00000000000000000000000000000000000000000000000000000000000000" .
        }""",
    ),
    "LanguageTags": (
        "a recital tagged French in the English version",
        'DELETE DATA { en:preamble-1 respub:text "Recalling its resolution 80/1,"@en } ;'
        ' INSERT DATA { en:preamble-1 respub:text "Rappelant sa résolution 80/1,"@fr }',
    ),
    "OperativeNumbering": (
        "operative clauses numbered 1, 3",
        "DELETE DATA { en:operative-2 respub:paragraphNumber 2 } ;"
        " INSERT DATA { en:operative-2 respub:paragraphNumber 3 }",
    ),
    # Each other way of misplacing a number (the check in respub.validate.linear too)
    "OperativeNumbering.duplicate": (
        "operative clauses numbered 1, 1",
        "DELETE DATA { en:operative-2 respub:paragraphNumber 2 } ;"
        " INSERT DATA { en:operative-2 respub:paragraphNumber 1 }",
    ),
    "OperativeNumbering.below-one": (
        "operative clauses numbered 0, 1",
        "DELETE DATA { en:operative-1 respub:paragraphNumber 1 ."
        " en:operative-2 respub:paragraphNumber 2 } ;"
        " INSERT DATA { en:operative-1 respub:paragraphNumber 0 ."
        " en:operative-2 respub:paragraphNumber 1 }",
    ),
    "OperativeNumbering.after-recitals": (
        "a recital numbered 1, then operative clauses numbered 3, 4 (no 2)",
        "DELETE DATA { en:operative-1 respub:paragraphNumber 1 ."
        " en:operative-2 respub:paragraphNumber 2 } ;"
        " INSERT DATA { en:preamble-1 respub:paragraphNumber 1 ."
        " en:operative-1 respub:paragraphNumber 3 . en:operative-2 respub:paragraphNumber 4 }",
    ),
    "OperativeNumbering.roman": (
        "both operative clauses numbered 'i', as text (left to the query)",
        "DELETE DATA { en:operative-1 respub:paragraphNumber 1 ."
        " en:operative-2 respub:paragraphNumber 2 } ;"
        ' INSERT DATA { en:operative-1 respub:paragraphNumber "i" .'
        ' en:operative-2 respub:paragraphNumber "i" }',
    ),
    "text": (
        "an operative clause without text",
        'DELETE DATA { en:operative-2 respub:text "Requests a report."@en }',
    ),
    "keyword": (
        "a keyword without a language tag",
        'DELETE DATA { en:preamble-1 respub:keyword "Recalling"@en } ;'
        ' INSERT DATA { en:preamble-1 respub:keyword "Recalling" }',
    ),
    "position": (
        "a position counted from 0",
        "DELETE DATA { en:operative-2 respub:position 2 } ;"
        " INSERT DATA { en:operative-2 respub:position 0 }",
    ),
    "printedLabel": (
        "an empty footnote mark",
        'DELETE DATA { en:footnote-1 respub:printedLabel "1" } ;'
        ' INSERT DATA { en:footnote-1 respub:printedLabel "" }',
    ),
    "Preamble-hasPreambularClause": (
        "a recital that is not described",
        "INSERT DATA { en:preamble respub:hasPreambularClause en:preamble-9 }",
    ),
    "Preamble-expression": (
        "a preamble shared by two versions",
        "INSERT DATA { other:version respub:hasPreamble en:preamble }",
    ),
    "PreambularClause-concept": (
        "a recital opener from the operative scheme",
        "DELETE DATA { en:preamble-1 respub:concept pre:recalling } ;"
        " INSERT DATA { en:preamble-1 respub:concept op:decides }",
    ),
    "PreambularClause-concept-present": (
        "a recital whose opener is unknown (a warning)",
        "DELETE DATA { en:preamble-1 respub:concept pre:recalling }",
    ),
    "PreambularClause-preamble": (
        "a recital in two preambles",
        "INSERT DATA { other:preamble respub:hasPreambularClause en:preamble-1 }",
    ),
    "OperativeClause-paragraphNumber": (
        "a paragraph number that is a decimal",
        "DELETE DATA { en:operative-1 respub:paragraphNumber 1 } ;"
        " INSERT DATA { en:operative-1 respub:paragraphNumber 1.0 }",
    ),
    "OperativeClause-concept": (
        "an operative verb from the preambular scheme",
        "DELETE DATA { en:operative-2 respub:concept op:requests } ;"
        " INSERT DATA { en:operative-2 respub:concept pre:recalling }",
    ),
    "OperativeClause-concept-present": (
        "an operative clause whose verb is unknown (a warning)",
        "DELETE DATA { en:operative-2 respub:concept op:requests }",
    ),
    "OperativeClause-hasSubParagraph": (
        "a sub-paragraph that is not described",
        "INSERT DATA { en:operative-2 respub:hasSubParagraph en:operative-2-a }",
    ),
    "OperativeClause-expression": (
        "an operative clause in two versions",
        "INSERT DATA { other:version respub:hasOperativeClause en:operative-2 }",
    ),
    "OperativeClause-addressee": (
        "an addressee from another scheme",
        "DELETE DATA { en:operative-2 respub:addressee addressee:secretary-general } ;"
        " INSERT DATA { en:operative-2 respub:addressee op:requests }",
    ),
    "OperativeClause-actsOnItself": (
        "the body acting on itself stated as false",
        "DELETE DATA { en:operative-1 respub:actsOnItself true } ;"
        " INSERT DATA { en:operative-1 respub:actsOnItself false }",
    ),
    "PreambularClause-paragraphNumber": (
        "a recital numbered 0",
        "INSERT DATA { en:preamble-1 respub:paragraphNumber 0 }",
    ),
    "OperativeClause-sectionHeading": (
        "two section headings on one clause",
        'INSERT DATA { en:operative-1 respub:sectionHeading "II Follow-up"@en }',
    ),
    "OperativeClause-thanks": (
        "thanks to a concept of another scheme",
        "INSERT DATA { en:operative-2 respub:thanks op:requests }",
    ),
    "Thanking": (
        "a recital that thanks someone",
        "INSERT DATA { en:preamble-1 respub:thanks addressee:secretary-general }",
    ),
    "Addressed": (
        "a recital with an addressee",
        "INSERT DATA { en:preamble-1 respub:addressee addressee:secretary-general }",
    ),
    "SelfActing": (
        "a recital marked as the body acting on itself",
        "INSERT DATA { en:preamble-1 respub:actsOnItself true }",
    ),
    "SelfActing-addressee": (
        "a clause in which the body acts on itself that also names an addressee",
        "INSERT DATA { en:operative-1 respub:addressee addressee:member-states }",
    ),
    "SubParagraph-hasSubParagraph": (
        "a nested sub-paragraph that is not described",
        "INSERT DATA { en:operative-1-a respub:hasSubParagraph en:operative-1-a-i }",
    ),
    "SubParagraph-parent": (
        "a sub-paragraph in two clauses",
        "INSERT DATA { other:clause respub:hasSubParagraph en:operative-1-a }",
    ),
    "Footnote-expression": (
        "a footnote in two versions",
        "INSERT DATA { other:version respub:hasFootnote en:footnote-1 }",
    ),
    "Footnote-markedIn": (
        "a footnote marked in two places",
        "INSERT DATA { en:footnote-1 respub:markedIn en:operative-2 }",
    ),
    "Footnote-markOffset": (
        "a mark offset counted from -1",
        "DELETE DATA { en:footnote-1 respub:markOffset 9 } ;"
        " INSERT DATA { en:footnote-1 respub:markOffset -1 }",
    ),
    "MarkPlace": (
        "a footnote marked in a footnote",
        "DELETE DATA { en:footnote-1 respub:markedIn en:preamble-1 } ;"
        " INSERT DATA { en:footnote-1 respub:markedIn en:footnote-1 }",
    ),
    "MarkOffset": (
        "a mark offset past the end of its clause's text",
        "DELETE DATA { en:footnote-1 respub:markOffset 9 } ;"
        " INSERT DATA { en:footnote-1 respub:markOffset 31 }",
    ),
    "Annex-heading": (
        "an annex without heading",
        'DELETE DATA { en:annex-1 respub:heading "Annex"@en }',
    ),
    "Annex-text": (
        "an annex text without a language tag",
        'DELETE DATA { en:annex-1 respub:text "The text of the annex."@en } ;'
        ' INSERT DATA { en:annex-1 respub:text "The text of the annex." }',
    ),
    "Annex-expression": (
        "an annex in two versions",
        "INSERT DATA { other:version respub:hasAnnex en:annex-1 }",
    ),
    "Citation-citedWork": (
        "a citation of no work",
        "DELETE DATA { en:citation-1 respub:citedWork res:1 }",
    ),
    "Citation-citedIdentifier": (
        "an empty cited identifier",
        'DELETE DATA { en:citation-1 respub:citedIdentifier "A/RES/80/1" } ;'
        ' INSERT DATA { en:citation-1 respub:citedIdentifier "" }',
    ),
    "Citation-citationKind": (
        "a kind outside the list",
        'DELETE DATA { en:citation-1 respub:citationKind "resolution" } ;'
        ' INSERT DATA { en:citation-1 respub:citationKind "law" }',
    ),
    "Citation-textAsPrinted": (
        "a printed text without a language tag",
        'DELETE DATA { en:citation-1 respub:textAsPrinted "resolution 80/1"@en } ;'
        ' INSERT DATA { en:citation-1 respub:textAsPrinted "resolution 80/1" }',
    ),
    "Citation-occursIn": (
        "a citation that occurs nowhere",
        "DELETE DATA { en:citation-1 respub:occursIn en:preamble-1 }",
    ),
    "CitationPlace": (
        "a citation in a clause that does not exist",
        "DELETE DATA { en:citation-1 respub:occursIn en:preamble-1 } ;"
        " INSERT DATA { en:citation-1 respub:occursIn en:operative-7 }",
    ),
    "Citation-expression": (
        "a citation in two versions",
        "INSERT DATA { other:version respub:hasCitation en:citation-1 }",
    ),
    "Session-heldBy": (
        "a session held by no body",
        "DELETE DATA { session:80 respub:heldBy body:un-ga }",
    ),
    "Session-sessionNumber": (
        "a session number that is a string",
        "DELETE DATA { session:80 respub:sessionNumber 80 } ;"
        ' INSERT DATA { session:80 respub:sessionNumber "80th" }',
    ),
    "Session-place": (
        "a place without a language tag",
        'INSERT DATA { session:80 respub:place "New York City" }',
    ),
    "Session-country": (
        "two country names in English",
        'INSERT DATA { session:80 respub:country "USA"@en }',
    ),
    "Session-startDate": (
        "two start dates",
        'INSERT DATA { session:80 respub:startDate "2025-09-10"^^xsd:date }',
    ),
    "Session-endDate": (
        "two end dates",
        'INSERT DATA { session:80 respub:endDate "2026-09-07"^^xsd:date }',
    ),
    "Session-dates": (
        "a session ending before it starts (no resolution adopted at it)",
        "DELETE DATA { res:4 respub:adoptedAt session:80 ."
        ' session:80 respub:startDate "2025-09-09"^^xsd:date } ;'
        ' INSERT DATA { session:80 respub:startDate "2026-09-09"^^xsd:date }',
    ),
    "Manifestation-mediaType": (
        "a media type that is not IANA-like",
        'DELETE DATA { file:en.ttl respub:mediaType "text/turtle" } ;'
        ' INSERT DATA { file:en.ttl respub:mediaType "Turtle" }',
    ),
    "Manifestation-expression": (
        "a file embodying two versions",
        "INSERT DATA { other:version respub:isEmbodiedBy file:en.ttl }",
    ),
    "Manifestation-derivedFrom": (
        "a file derived from a second, undescribed source",
        "INSERT DATA { file:en.ttl respub:derivedFrom other:source }",
    ),
    "SourceFile-sha256": (
        "a digest that is not SHA-256 hex",
        'DELETE DATA { file:en.pdf respub:sha256 "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00" } ;'  # noqa: E501
        ' INSERT DATA { file:en.pdf respub:sha256 "C0FFEE" }',
    ),
    "SourceFile-location": (
        "a source file without location",
        'DELETE DATA { file:en.pdf respub:location "corpus/un/A_RES_80_4-EN.pdf" }',
    ),
    "DeliberativeBody-prefLabel": (
        "a body not named in Arabic",
        'DELETE DATA { body:un-ga skos:prefLabel "الجمعية العامة للأمم المتحدة"@ar }',
    ),
    "DeliberativeBody-notation": (
        "a body code in lower case",
        'DELETE DATA { body:un-ga skos:notation "UN-GA" } ;'
        ' INSERT DATA { body:un-ga skos:notation "un ga" }',
    ),
    "Concept-prefLabel": (
        "two English preferred labels",
        'INSERT DATA { status:adopted skos:prefLabel "Passed"@en }',
    ),
    "Concept-inScheme": (
        "a concept in no scheme",
        "DELETE DATA { status:adopted skos:inScheme scheme:status }",
    ),
    "CitedResolutionInDataset": (
        "a citation of a resolution that is not in the dataset (a warning, dataset shapes)",
        "DELETE DATA { en:citation-1 respub:citedWork res:1 } ;"
        " INSERT DATA { en:citation-1 respub:citedWork res:2 }",
    ),
}

# Changes to the standard terms themselves: applied after the mirror rules.
STANDARD_CASES: dict[str, tuple[str, str]] = {
    "Resolution-eli-type": (
        "a resolution not stated to be an eli:LegalResource",
        "DELETE DATA { res:4 a eli:LegalResource }",
    ),
    "Resolution-eli-type_document": (
        "no eli:type_document",
        "DELETE DATA { res:4 eli:type_document"
        " <https://data.respub.org/concept/document-type/resolution> }",
    ),
    "Resolution-eli-has_part": (
        "an ELI part that is not a subdivision",
        "INSERT DATA { res:4 eli:has_part other:part }",
    ),
    "Expression-eli-type": (
        "a version not stated to be an eli:LegalExpression",
        "DELETE DATA { file:en a eli:LegalExpression }",
    ),
    "Expression-eli-realizes": (
        "a version without eli:realizes",
        "DELETE DATA { file:en eli:realizes res:4 }",
    ),
    "Manifestation-eli-type": (
        "a file not stated to be an eli:Format",
        "DELETE DATA { file:en.ttl a eli:Format }",
    ),
    "Manifestation-eli-embodies": (
        "a file without eli:embodies",
        "DELETE DATA { file:en.ttl eli:embodies file:en }",
    ),
    "Manifestation-eli-media_type": (
        "a media type and format that are not IANA IRIs",
        "DELETE DATA { file:en.ttl eli:media_type text:turtle ;"
        " eli:format text:turtle } ;"
        " INSERT DATA { file:en.ttl eli:media_type other:turtle ; eli:format other:turtle }",
    ),
    "Manifestation-eli-format": (
        "a file without eli:format",
        "DELETE DATA { file:en.ttl eli:format text:turtle }",
    ),
    "Subdivision-is_part_of": (
        "a subdivision part of no resource",
        "DELETE DATA { sub:operative-1 eli:is_part_of res:4 }",
    ),
    "Subdivision-number": (
        "a subdivision number in words",
        'DELETE DATA { sub:operative-1 eli:number "1" } ;'
        ' INSERT DATA { sub:operative-1 eli:number "one" }',
    ),
    "Subdivision-is_realized_by": (
        "a subdivision realized by no clause",
        "DELETE DATA { sub:operative-1 eli:is_realized_by en:operative-1 }",
    ),
    "StandardTerms": (
        "a title stated with respub's term only",
        'DELETE DATA { file:en eli:title "A test resolution"@en }',
    ),
    "PartOf": (
        "a clause not stated to be part of its version",
        "DELETE DATA { en:operative-1 dcterms:isPartOf file:en }",
    ),
}
CASES.update(STANDARD_CASES)

# Shapes checked over the whole dataset rather than per document.
DATASET_CASES = frozenset({"CitedResolutionInDataset"})

# Other shapes a case cannot help tripping (the shape's own condition implies theirs).
ALSO_TRIPS: dict[str, frozenset[str]] = {
    "OperativeNumbering.below-one": frozenset(
        {"OperativeClause-paragraphNumber", "Subdivision-number"}
    ),
    "OperativeNumbering.roman": frozenset({"OperativeClause-paragraphNumber"}),
}


def shape_of(case: str) -> str:
    """The shape a case trips: its name up to a dot (``OperativeNumbering.duplicate`` is
    one more way of tripping rsh:OperativeNumbering)."""
    return case.partition(".")[0]


def _mirrored(graph: Graph) -> Graph:
    graph.update(_mirror())
    return graph


@cache
def _mirror() -> Update:
    """The MIRROR rules, parsed once (parsing them costs rdflib a quarter of a second)."""
    return prepareUpdate(_UPDATE_PREFIXES + MIRROR)


def base_graph() -> Graph:
    """The valid base document, with its standard terms."""
    return _mirrored(Graph().parse(data=BASE, format="turtle"))


def build_fixture(name: str) -> Graph:
    """The base document with the change of case `name` applied (then mirrored, unless the
    change is to the standard terms themselves)."""
    graph = base_graph()
    graph.update(_UPDATE_PREFIXES + CASES[name][1])
    return graph if name in STANDARD_CASES else _mirrored(graph)


def render_fixture(name: str) -> str:
    """The fixture file: a header naming the shape and the change, then the graph."""
    also = "".join(f", rsh:{other}" for other in sorted(ALSO_TRIPS.get(name, ())))
    header = f"# Trips rsh:{shape_of(name)}{also} and no other shape: {CASES[name][0]}.\n"
    header += "# GENERATED from tests/validate/fixture_cases.py; regenerate, do not edit.\n"
    return header + build_fixture(name).serialize(format="turtle")
