"""Who said a quotation: pronouns, descriptions, colons and names set apart from the verb."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from orchestration.extract.salience import Salience
from orchestration.extract.schema import Entity
from orchestration.extract.speakers import SpeakerSearch, attribute, named_after, named_beside
from tests.unit.extract.conftest import Extract


def speakers(result: dict) -> list[str | None]:
    return [q["speaker"] for q in result["quotes"]]


def test_pronoun_means_the_subject_not_the_object(extract: Extract) -> None:
    result = extract(
        "Nursultan Ibrayev thanked Viktor Lenz for the invitation to the summit.\n\n"
        "\u201cThe talks were useful and very frank,\u201d he said."
    )
    assert speakers(result) == ["Nursultan Ibrayev"]


def test_pronoun_passes_over_a_person_of_the_other_gender(extract: Extract) -> None:
    result = extract(
        "Mr. Tomas Berg questioned Anna Kowalska and Mr. Ivan Dror on Tuesday.\n\n"
        "\u201cWe will vote against this bill in its present form,\u201d she said."
    )
    assert speakers(result) == ["Anna Kowalska"]


def test_quote_after_a_colon_in_the_paragraph_before(extract: Extract) -> None:
    result = extract(
        "The council met on Monday to discuss the budget. Senator Dana Whitfield added:\n\n"
        "\u201cWe cannot wait another year for this bill to pass.\u201d"
    )
    assert speakers(result) == ["Dana Whitfield"]


def test_name_and_colon_before_a_quote(extract: Extract) -> None:
    result = extract(
        "Both candidates answered the question about taxes.\n\n"
        "Farida Osei: \u201cNobody in this town should pay more than they do now.\u201d"
    )
    assert speakers(result) == ["Farida Osei"]


def test_subject_of_the_clause_a_partial_quote_stands_in(extract: Extract) -> None:
    result = extract(
        "Ivo Petrak credited the result to \u201ca very determined team of volunteers\u201d "
        "in the northern districts."
    )
    assert speakers(result) == ["Ivo Petrak"]


def test_definite_description_means_the_salient_person(extract: Extract) -> None:
    result = extract(
        "Clara Monteiro has represented the miners' union for a decade.\n\n"
        "\u201cThe mine must stay open until a new employer is found,\u201d the lawyer said."
    )
    assert speakers(result) == ["Clara Monteiro"]


def test_name_between_quote_and_verb_not_the_one_told() -> None:
    # A parse the model gives when an age follows the name: "told" has no subject.
    words = ["\u201c", "We", "were", "wrong", ",", "\u201d", "Okafor", ",", "61", ",", "told"]
    words += ["AFP", "."]
    heads = [2, 2, 10, 2, 2, 2, 10, 6, 6, 6, 10, 10, 10]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "npadvmod", "punct"]
    deps += ["appos", "punct", "ROOT", "dobj", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    okafor = Entity("e1", "Ruth Okafor", "PERSON")
    afp = Entity("e2", "AFP", "ORG")
    assert named_beside(doc, doc[10], doc[0:6], {6: okafor, 11: afp}, 16) is okafor


def test_speaker_after_a_question_mark_closing_the_quote(extract: Extract) -> None:
    result = extract(
        "Party chairman Reinhold Vasko spoke to reporters on Friday.\n\n"
        "\u201cAre you really comparing a tax return with state secrets?\u201d Vasko asked."
    )
    assert speakers(result) == ["Reinhold Vasko"]


def test_paragraph_opening_with_a_quote_goes_on_quoting(extract: Extract) -> None:
    result = extract(
        "\u201cWe expect the harvest to be late this year,\u201d said farmer Odile Renard.\n\n"
        "\u201cThe rain came too early and the frost came too late for the vines.\u201d"
    )
    assert speakers(result) == ["Odile Renard", "Odile Renard"]


def test_colon_after_a_sentence_whose_subject_names_the_speaker(extract: Extract) -> None:
    result = extract(
        "Reporters asked about the missing files. Mayor Anita Kovac's reply was: "
        "\u201cNobody has lost anything in this office.\u201d"
    )
    assert speakers(result) == ["Anita Kovac"]


def test_unnamed_spokesman_is_not_the_last_person_named(extract: Extract) -> None:
    result = extract(
        "Finance Minister Petra Holm presented the budget to parliament on Monday.\n\n"
        "\u201cThe figures simply do not add up,\u201d a spokesman for the opposition said."
    )
    assert speakers(result) == [None]


def test_statement_after_a_colon_ending_a_paragraph(extract: Extract) -> None:
    result = extract(
        "Later on Friday, candidate Helena Brandt issued the following statement:\n\n"
        "\u201cOur prayers are with all those affected by the attacks. This cannot continue.\u201d"
    )
    assert speakers(result) == ["Helena Brandt"]


def test_a_country_or_group_that_is_the_subject_speaks(extract: Extract) -> None:
    result = extract(
        "\u201cWe will not accept any change to the border agreement,\u201d Norway said in a "
        "statement on Tuesday."
    )
    assert speakers(result) == ["Norway"]


def test_subject_the_parse_hung_on_a_relative_clause(extract: Extract) -> None:
    result = extract(
        "Anne Miller has 12 endorsements in the Senate, a body in which her rival Robert "
        "Jensen serves. Jensen, meanwhile, who sits at zero such endorsements, said that fact "
        "speaks volumes about which of the two candidates is \u201cready to take on the "
        "establishment.\u201d"
    )
    assert speakers(result) == ["Robert Jensen"]


def test_speaker_after_a_long_apposition_holding_a_short_quote(extract: Extract) -> None:
    result = extract(
        "\u201cWe have had far better conventions than this one,\u201d Ohio delegate Walter "
        "Brennan, wearing a wide straw hat and \u201cVote Miller\u201d campaign pins, said on "
        "Thursday."
    )
    assert speakers(result)[0] == "Walter Brennan"


def test_a_verb_with_two_subjects_takes_the_one_that_names_someone(extract: Extract) -> None:
    result = extract(
        "1:50 p.m.\n\n"
        "Famed fight doctor Anselm Kovacs once said: \u201cThe fighter was born in one city. "
        "The champion was born in another.\u201d"
    )
    assert speakers(result) == ["Anselm Kovacs"]


def test_a_participle_the_parse_hung_on_the_quotation(extract: Extract) -> None:
    result = extract(
        "Nadia Varga seemed ready to joke about the delay in Lyon, telling the crowd, "
        "\u201cSome trains get a little lost, have you noticed that?\u201d"
    )
    assert speakers(result) == ["Nadia Varga"]


def test_findings_are_attributed_to_who_found_them(extract: Extract) -> None:
    result = extract(
        "In 2014, the Halvorsen Institute found that \u201cabout twice as many farmers said it "
        "was more important to control water prices than to protect land rights.\u201d"
    )
    assert [(q["speaker"], q["verb"]) for q in result["quotes"]] == [
        ("Halvorsen Institute", "find")
    ]


def test_a_phrasal_verb_of_saying(extract: Extract) -> None:
    result = extract(
        "After the mayor criticised her husband during a debate, Ingrid Solberg shot back, "
        "\u201cI could have stayed home, but I chose to work.\u201d"
    )
    assert [(q["speaker"], q["verb"]) for q in result["quotes"]] == [
        ("Ingrid Solberg", "shoot back")
    ]


def test_a_verb_whose_subject_names_no_one_reports_the_speaker_above(extract: Extract) -> None:
    result = extract(
        "Senator Maria Lindqvist said in her opening remarks that the platform should reiterate "
        "the party\u2019s support for \u201cour stalwart allies,\u201d naming Norway."
    )
    assert [(q["speaker"], q["verb"]) for q in result["quotes"]] == [("Maria Lindqvist", "say")]


def test_a_clause_reported_by_a_verb_of_saying_is_not_who_adds_more(extract: Extract) -> None:
    result = extract(
        "Maria Lindqvist told reporters that Karl Ostrom \u201chad a crazy policy of "
        "self-deportation,\u201d adding, \u201cHe lost every vote he had.\u201d"
    )
    assert speakers(result) == ["Maria Lindqvist", "Maria Lindqvist"]


def test_any_verb_with_its_subject_after_a_quote_closed_on_a_comma(extract: Extract) -> None:
    result = extract(
        "The hearing ran late into the evening.\n\n"
        "\u201cThe board met in secret and nobody told us,\u201d Tomas Ekdahl started."
    )
    assert [(q["speaker"], q["verb"]) for q in result["quotes"]] == [("Tomas Ekdahl", "start")]


def test_subject_of_the_clause_before_a_colon_the_parse_hung_on_the_quote(
    extract: Extract,
) -> None:
    result = extract(
        "Governor Ruth Abernathy has since apologised for what happened: "
        "\u201cI should have used two accounts for my email.\u201d"
    )
    assert speakers(result) == ["Ruth Abernathy"]


def test_a_quote_signed_with_a_dash(extract: Extract) -> None:
    result = extract(
        "The debate turned to taxes.\n\n"
        "\u201cNobody in this state will pay more tax next year.\u201d\n\n"
        "\u2014 Ruth Abernathy.\n\nThat claim is false."
    )
    assert speakers(result) == ["Ruth Abernathy"]


def test_a_person_the_parse_set_in_apposition_to_a_place(extract: Extract) -> None:
    result = extract(
        "Speaking at a town hall event in Salem, New Hampshire, Maria Lindqvist went after "
        "Karl Ostrom, calling him \u201ca total stiff.\u201d"
    )
    assert speakers(result) == ["Maria Lindqvist"]


def test_a_quote_opening_its_paragraph_after_a_sentence_of_saying(extract: Extract) -> None:
    result = extract(
        "Sofia Marchetti praised the governor\u2019s handling of the floods on Tuesday.\n\n"
        "\u201cWe need someone who gets things done in a crisis.\u201d"
    )
    assert [(q["speaker"], q["verb"]) for q in result["quotes"]] == [("Sofia Marchetti", "praise")]


def test_no_speaker_from_inside_what_was_said() -> None:
    # A parse the model gives after a run-on headline line: "said" has no subject.
    words = ["Kessler", ",", "in", "Ohio", ",", "said", "that", "Rubens", "was", "\u201c", "a"]
    words += ["lightweight", "\u201d", "."]
    heads = [5, 5, 5, 2, 5, 5, 8, 8, 5, 8, 11, 8, 8, 5]
    deps = ["dep", "punct", "prep", "pobj", "punct", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    deps += ["det", "attr", "punct", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    kessler = Entity("e1", "Donald Kessler", "PERSON")
    rubens = Entity("e2", "Mark Rubens", "PERSON")
    assert named_beside(doc, doc[5], doc[9:13], {0: kessler, 7: rubens}, 16) is kessler


def test_a_verb_with_its_subject_and_object_after_a_quote_closed_on_a_comma(
    extract: Extract,
) -> None:
    result = extract(
        "Dana Whitfield closed the rally.\n\n"
        "\u201cOur county has never been this united, friends,\u201d Whitfield assured the "
        "mostly young crowd."
    )
    assert [(q["speaker"], q["verb"]) for q in result["quotes"]] == [("Dana Whitfield", "assure")]


def test_quote_marks_written_against_the_words(extract: Extract) -> None:
    result = extract(
        "Erik Halvorsen said,\u201cWe will not give up on this town or its people.\u201d"
    )
    assert [(q["speaker"], q["verb"]) for q in result["quotes"]] == [("Erik Halvorsen", "say")]
    assert [e["name"] for e in result["entities"]] == ["Erik Halvorsen"]


def test_a_name_after_a_verb_of_saying_right_after_the_quote() -> None:
    # "…,” added Whitfield." as the model parses it after a long quotation: an object.
    words = ["\u201c", "Delays", "came", "daily", ",", "\u201d", "added", "Whitfield", "."]
    heads = [2, 2, 6, 2, 2, 6, 6, 6, 6]
    deps = ["punct", "nsubj", "ccomp", "advmod", "punct", "punct", "ROOT", "dobj", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    whitfield = Entity("e1", "Dana Whitfield", "PERSON")
    assert named_beside(doc, doc[6], doc[0:6], {7: whitfield}, 16) is whitfield


def test_a_verb_of_saying_put_before_the_name_and_a_colon() -> None:
    # "Continued Halvorsen: “…”" hung by the parse on the quotation before it.
    words = ["Continued", "Erik", "Halvorsen", ":", "\u201c", "We", "go", ".", "\u201d"]
    heads = [2, 2, 2, 2, 6, 6, 2, 6, 6]
    deps = ["amod", "compound", "ROOT", "punct", "punct", "nsubj", "acl", "punct", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    halvorsen = Entity("e1", "Erik Halvorsen", "PERSON")
    salience = Salience(doc, {1: halvorsen, 2: halvorsen}, 3)
    assert named_after(doc[0], doc[3], salience) is halvorsen
    # With a subject of its own the verb names who was told: "Lee told Reuters:".
    words = ["Lee", "told", "Reuters", ":", "\u201c", "We", "go", ".", "\u201d"]
    heads = [1, 1, 1, 1, 6, 6, 1, 6, 6]
    deps = ["nsubj", "ROOT", "dobj", "punct", "punct", "nsubj", "ccomp", "punct", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    reuters = Entity("e2", "Reuters", "ORG")
    assert named_after(doc[1], doc[3], Salience(doc, {2: reuters}, 3)) is None


def test_the_subject_of_the_clause_a_comma_ends_before_the_quote() -> None:
    # "Lee issued a statement, “…”" with the quoted clause the root of the sentence.
    words = ["Lee", "issued", "a", "statement", ",", "\u201c", "Our", "nation", "was"]
    words += ["attacked", ".", "\u201d"]
    heads = [1, 9, 3, 1, 1, 9, 7, 9, 9, 9, 9, 9]
    deps = ["nsubj", "advcl", "det", "dobj", "punct", "punct", "poss", "nsubjpass", "auxpass"]
    deps += ["ROOT", "punct", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "PUNCT", "PUNCT", "PRON", "NOUN", "AUX", "VERB"]
    pos += ["PUNCT", "PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[1] = "issue"
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    lee = Entity("e1", "Dana Lee", "PERSON")
    search = SpeakerSearch(after_words=8, climb_steps=3, according_words=8, reference_sentences=3)
    assert attribute(doc, doc[5:12], Salience(doc, {0: lee}, 3), search) == (lee, None)


def test_a_question_put_by_someone_named_after_by(extract: Extract) -> None:
    result = extract(
        "Senator Ruth Abernathy was asked by host Kim Ames, \u201cWhy did you vote against "
        "the bill you wrote?\u201d"
    )
    assert [(q["speaker"], q["verb"]) for q in result["quotes"]] == [("Kim Ames", "ask")]


def test_a_quote_opening_a_sentence_after_a_sentence_of_saying(extract: Extract) -> None:
    result = extract(
        "The county announced new rules on Monday.\n\nDana Whitfield, the director of the "
        "county water board, said in a statement. \u201cThere is no reason to boil the water "
        "any longer.\u201d"
    )
    assert [(q["speaker"], q["verb"]) for q in result["quotes"]] == [("Dana Whitfield", "say")]
