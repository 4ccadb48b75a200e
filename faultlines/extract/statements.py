"""The ``faultlines_statements`` spaCy component: find event and relation candidates.

For every trigger in the lexicon (a verb, a nominalization, a hyphenated compound such as
"Russian-backed") it records, as token indices, who acts (sources), on whom (targets),
and the cues around it: negation, modality, conditionals, questions (read by
``status.py``). Attribution (who asserts it) is read by ``attribution.py``, what a claim
noun claims by ``claim_nouns.py``. Candidates (``candidates.py``) go to
``doc._.faultlines_events``.

It only reads the parse. Which actors the tokens name, on which date, and whether a
candidate becomes a statement at all (both ends must be actors) is decided in
``faultlines.resolve.statements``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import arguments
from .attribution import AttributionFinder, Frame
from .candidates import EVENTS_ATTR, EventCandidate, events_of, expand as _expand  # noqa: F401 (events_of: re-exported)
from .claim_nouns import ClaimNounReader, rejected_claims, responsible_party
from .cues import actor_cues
from .lexicon import DEFAULT_TARGET_PREPS, RELATIONS, Lexicon, Trigger, load_lexicon
from .status import is_hypothetical, is_negated
from ..statement_types import type_table

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_SPEECH_ACTS = type_table().names(speech_act=True)
_HOSTILE = type_table().names(hostile=True)
_SYMMETRIC = type_table().names(symmetric=True)
_OBJECTS = ("dobj", "obj", "dative", "iobj", "attr", "oprd")


@Language.factory("faultlines_statements", default_config={})
def make_statement_finder(nlp: Language, name: str) -> "StatementFinder":
    """spaCy factory: add after ``faultlines_actors`` with ``nlp.add_pipe("faultlines_statements")``."""
    return StatementFinder(load_lexicon())


@dataclass
class StatementFinder:
    lexicon: Lexicon
    attribution: AttributionFinder = field(init=False)
    claim_nouns: ClaimNounReader = field(init=False)
    role_nouns: frozenset[str] = field(init=False)

    def __post_init__(self):
        self.attribution = AttributionFinder(self.lexicon)
        self.claim_nouns = ClaimNounReader(self.lexicon)
        self.role_nouns = actor_cues().role_nouns
        self._known_verbs = frozenset(self.lexicon.verbs) | self.lexicon.light_verbs

    def _lemma(self, token: Token) -> str:
        """The token's lemma; for a verb the lemmatizer got wrong ("staged" -> "stag"), the
        known verb its inflection comes from."""
        lemma = token.lemma_.lower()
        if lemma not in self._known_verbs and token.lower_ in self.lexicon.inflections:
            return self.lexicon.inflections[token.lower_]  # "retook" (even tagged a noun), "overran"
        if lemma in self._known_verbs or token.pos_ not in ("VERB", "AUX"):
            return lemma
        word = token.lower_
        for ending, stem_end in (("ied", "y"), ("ies", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
            if word.endswith(ending) and word[: -len(ending)] + stem_end in self._known_verbs:
                return word[: -len(ending)] + stem_end
        return lemma

    def __call__(self, doc: Doc) -> Doc:
        claims = self.claim_nouns.read(doc)
        frames = self.attribution.frames(doc, claims)
        # A verb that rejects a claim is read with the claim: its object names what is
        # claimed, not whom it rejects ("dismissed claims of strikes on ISIS").
        rejecting = {c.rejecting_verb for c in claims}
        found: list[EventCandidate] = []
        weapons = arguments.weapons_aimed(doc, self.lexicon)
        for token in doc:
            if token.i in rejecting:
                continue
            for candidate in self._candidates(token, weapons):
                frame = None if candidate.background else frames.get(candidate.trigger)
                found.append(replace(candidate, frame=frame))
        found += self._accused_acts(doc, frames)
        found += self._demands(doc, frames)
        found += rejected_claims(doc, claims, frames, found, self.lexicon)
        # Text order; at one trigger, the speech act (a demand, a commitment) before the act.
        found.sort(key=lambda c: (c.trigger, c.how not in ("demand", "commitment")))
        # Plain dicts: spaCy sends Docs between processes (n_process > 1) with msgpack.
        doc._.set(EVENTS_ATTR, [asdict(candidate) for candidate in found])
        return doc

    # -- triggers ---------------------------------------------------------------------

    def _candidates(self, token: Token, weapons: dict[int, Token]):
        lemma = self._lemma(token)
        if self._is_accused_act(token):
            return  # read with its accusation, in _accused_acts
        if lemma in self.lexicon.verbs and token.dep_ != "amod" and _acts_as_verb(token):
            trigger = self.lexicon.verbs[lemma]
            if trigger.particle and not any(c.lower_ in trigger.particle for c in token.children):
                return
            yield from self._verb(token, trigger)
        elif token.pos_ in ("NOUN", "PROPN") and lemma in self.lexicon.relational_nouns:
            yield from self._relational(token, self.lexicon.relational_nouns[lemma])
        elif token.pos_ in ("NOUN", "PROPN") and lemma in self.lexicon.nouns and (
                token.dep_ != "compound" or token.head.lemma_.lower() in self.lexicon.light_nouns):
            # ("war games", "peace deal": a noun that modifies another names no event itself,
            # unless the other only says it is an undertaking: "a mediation effort")
            yield from self._noun(token, self.lexicon.nouns[lemma])
        elif token.lower_ in self.lexicon.compounds and token.i >= 2 and token.nbor(-1).text in ("-", "–"):
            yield from self._compound(token, self.lexicon.compounds[token.lower_])
        if token.i in weapons and token.pos_ == "VERB" and (
                lemma not in self.lexicon.verbs or lemma in self.lexicon.light_verbs):
            yield from self._weapon_use(token, weapons[token.i])

    def _commitment(self, verb: Token, type_: str) -> str | None:
        """AGREE, THREATEN or MOBILIZE when the clause commits its subject to the act, else None."""
        if type_ == "THREATEN" or verb.sent.text.rstrip().endswith("?"):
            return None
        if any(c.dep_ == "mark" and c.lower_ in self.lexicon.conditional_marks for c in verb.children):
            return None  # the condition of a commitment is not one
        auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
        future = any(c.lower_ in self.lexicon.commitment_auxiliaries for c in auxiliaries) or (
            # "they said they would boycott": the reported form of "we will boycott"
            verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.lexicon.reporting_verbs
            and any(c.lower_ in self.lexicon.reported_future for c in auxiliaries))
        governor = self._governor(verb)
        governed = governor is not None and governor.lemma_.lower() in self.lexicon.commissive_governors
        if not (future or governed):
            return None
        if is_negated(verb, self.lexicon):
            # "Syria will not accept more refugees": a refusal now, of a cooperative act.
            return None if type_ in _HOSTILE else "REJECT"
        if governed and type_ in _HOSTILE and governor.pos_ == "VERB" and governor.lemma_.lower() in self.lexicon.mobilizing_governors:
            return "MOBILIZE"  # "the army prepared to resume shelling": forces made ready
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in verb.children):
            # "will withdraw its force unless the president holds elections": a commitment on
            # a condition the other side must meet is a threat, whatever the act.
            return "THREATEN"
        if type_ == "AGREE":
            return None  # "will sign a deal" is already the agreement
        return "THREATEN" if type_ in _HOSTILE else "AGREE"

    def _governor(self, verb: Token) -> Token | None:
        """The word whose infinitive the verb is: "prepared" in "prepared to resume shelling"
        (through aspectual verbs: resume, continue, begin), "sworn" in "sworn to fight"."""
        node = verb
        for _ in range(3):
            infinitive = node.dep_ in ("xcomp", "acomp") or (
                node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children))
            if not infinitive or node.head.i == node.i:
                return None
            if self._lemma(node.head) in self.lexicon.light_verbs and node.head.pos_ == "VERB" and node.dep_ == "xcomp":
                node = node.head
                continue
            return node.head
        return None

    def _object_carries_event(self, verb: Token) -> bool:
        return self._lemma(verb) in self.lexicon.light_verbs and any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() in self.lexicon.nouns for c in verb.children
        )

    def _is_accused_act(self, token: Token) -> bool:
        if token.dep_ not in ("pcomp", "pobj") or token.head.dep_ != "prep":
            return False
        governor = token.head.head
        if governor.dep_ in ("dobj", "obj"):  # "accused rebels of using": "of" hangs on "rebels"
            governor = governor.head
        accusation = self.lexicon.verbs.get(governor.lemma_.lower())
        return accusation is not None and token.head.lower_ in accusation.accused_act

    def _verb(self, verb: Token, trigger: Trigger):
        # "government forces backed by Hezbollah", "a town besieged by the army": a past
        # participle on a noun is a passive whose subject is that noun.
        participle = _reduced_relative(verb)
        passive = participle or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        preps = DEFAULT_TARGET_PREPS if trigger.preps is None else trigger.preps
        if self._object_carries_event(verb):
            return  # "sent a proposal to Russia", "launched strikes": the noun says what happens
        if passive:
            # "killed by ISIS", "killed in Russian airstrikes", "killed at the hands of ISIS"
            sources = arguments.passive_agents(verb, self.lexicon)
            undergoing = [participle] if participle else [
                _antecedent(verb.head, c.lower_, self.role_nouns) if verb.dep_ == "relcl" and c.lower_ in self.lexicon.relativizers else c
                for c in verb.children if c.dep_ == "nsubjpass"]
            targets = undergoing + self._prep_objects(verb, preps)
            fallback = []
        else:
            undergoing = []
            sources = self._subjects(verb)
            targets = [c for c in verb.children if c.dep_ in _OBJECTS]
            if not targets and verb.dep_ == "relcl" and not any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in self.lexicon.relativizers for c in verb.children) \
                    and any(c.dep_ == "nsubj" for c in verb.children):
                # "the weapons Iran supplied", "militias that Iran arms": the antecedent is the object.
                targets = [verb.head]
            fallback = self._prep_objects(verb, preps)
            # The required word of "open fire" is part of the verb, not its target.
            targets = [c for c in targets if c.lower_ not in trigger.particle]
            if not targets:
                targets, fallback = fallback, []
        # "the bombardment killed 43", "an IED planted by the Taliban killed two soldiers":
        # an act or a weapon as subject stands for whoever carries it out.
        sources = [d for s in sources for d in arguments.doers(s, self.lexicon)]
        # "the army repelled an ISIS attack": an act done to an act is done to its agent.
        # ... unless the verb names its own preposition for the target and the parser hung it
        # on the act: "blaming the attack on forces loyal to Assad".
        own_preps = tuple(trigger.preps or ())
        targets = [d for t in targets for d in (arguments.acted_upon(t, self.lexicon) or self._prep_objects(t, own_preps))]
        fallback += self._complement_targets(verb, sources, trigger.type)
        symmetric = False
        if any(t.lower_ == "one" and any(c.lower_ == "another" for c in t.children) or t.lower_ == "other"
               and any(c.lower_ == "each" for c in t.children) for t in targets):
            # "do not attack one another", "fought each other": each subject against the others.
            targets, symmetric = [], True
        if trigger.type in _SYMMETRIC and not targets:
            # "Washington and Moscow agreed": each coordinated subject with the others.
            if len(_expand(sources)) > 1:
                symmetric = True
        # "used chemical weapons against government troops": the parser hangs the verb's own
        # preposition on its object.
        hung = [p for o in verb.children if o.dep_ in ("dobj", "obj") for p in self._prep_objects(o, own_preps)]
        if trigger.needs_prep and not self._prep_objects(verb, preps) and not hung:
            return  # "push into Raqqa" is an assault; "push to cooperate" is not
        fallback += hung
        if trigger.needs_object and not any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in verb.children):
            return  # "returned the prisoners" is an event; "returned to Geneva" a journey
        kind, type_ = trigger.kind, trigger.type
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in trigger.by_prep:
                # "ISIS is marching on Aleppo" attacks it; "thousands marched" protest.
                type_ = trigger.by_prep[prep.lower_]
                kind = "relation" if type_ in RELATIONS else "event"
                if not any(c.dep_ in _OBJECTS for c in verb.children):
                    targets = [c for c in prep.children if c.dep_ == "pobj"] + targets
                break
        if trigger.object_type and any(c.dep_ in ("dobj", "obj") for c in verb.children):
            type_, kind = trigger.object_type, "event"  # "evacuated ISIS commanders" helps them
        # The object, or what the verb is done from or to ("withdrew from the program").
        # (In the passive, what undergoes it: "crimes committed by the regime".)
        objects = (undergoing if passive else [c for c in verb.children if c.dep_ in ("dobj", "obj")]) or self._prep_objects(verb, preps)
        for obj in objects:
            if obj.lemma_.lower() in trigger.by_object:  # "expelled two diplomats": a sanction
                type_ = trigger.by_object[obj.lemma_.lower()]
                kind = "relation" if type_ in RELATIONS else "event"
        commitment = self._commitment(verb, type_)
        if commitment:
            yield EventCandidate(
                trigger=verb.i, type=commitment, kind="event", how="commitment",
                sources=tuple(t.i for t in _expand(sources)), targets=tuple(t.i for t in _expand(targets)),
                fallback_targets=tuple(t.i for t in _expand(fallback)),
            )
        yield EventCandidate(
            trigger=verb.i, type=type_, kind=kind, how="verb",
            sources=tuple(t.i for t in _expand(sources)), targets=tuple(t.i for t in _expand(targets)),
            fallback_targets=tuple(t.i for t in _expand(fallback)),
            fallback_sources=tuple(t.i for t in _expand(self._purpose_subjects(verb))),
            # "to stop crimes carried out by the regime": a participle describes an act the
            # noun presupposes, however open the clause around the noun is.
            negated=is_negated(verb, self.lexicon), symmetric=symmetric,
            hypothetical=False if participle else self._verb_hypothetical(verb),
            background=self._described(verb),
        )

    def _weapon_use(self, verb: Token, weapon: Token):
        """"helicopters dropped barrel bombs on the market", "militants fired dozens of mortar
        shells at the town": whatever the verb, aiming a weapon at someone is an assault.
        Only with a target ("found explosives in a car" is no attack)."""
        preps = tuple(self.lexicon.weapon_target_preps)
        targets = self._prep_objects(verb, preps) + self._prep_objects(weapon, preps)
        if not targets:
            return
        sources = [d for s in self._subjects(verb) for d in arguments.doers(s, self.lexicon)]
        yield EventCandidate(
            trigger=verb.i, type=self.lexicon.weapon_use_type, kind="event", how="weapon",
            sources=tuple(t.i for t in _expand(sources)), targets=tuple(t.i for t in _expand(targets)),
            negated=is_negated(verb, self.lexicon), hypothetical=is_hypothetical(verb, self.lexicon),
        )

    def _described(self, verb: Token) -> bool:
        """"in frustration of the U.S. program to train a rebel army": a definite description
        the writer presupposes, whoever reports the clause it stands in."""
        purpose = self._purpose_noun(verb)
        return purpose is not None and any(
            c.dep_ in ("det", "poss") and c.lower_ not in self.lexicon.indefinite_determiners for c in purpose.children)

    def _verb_hypothetical(self, verb: Token) -> bool:
        purpose = self._purpose_noun(verb)
        if purpose is None:
            return is_hypothetical(verb, self.lexicon)
        # What a program does is as real as the program: "a plan to attack" is not yet.
        return purpose.lemma_.lower() in self.lexicon.hypothetical_governors or verb.sent.text.rstrip().endswith("?")

    def _noun(self, noun: Token, trigger: Trigger):
        # A modifier word, or the whole of a hyphenated one ("an open-ended strike").
        modifier = next((word for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
                         for word in (c.lower_, "".join(t.text_with_ws for t in c.subtree).lower())
                         if word in trigger.by_modifier), None)
        if modifier:  # "a hunger strike" is a protest, not an attack
            trigger = replace(trigger, type=trigger.by_modifier[modifier])
        # "a mediation effort between the Emirates and Saudi Arabia": the undertaking's
        # phrase holds the arguments.
        phrase = noun.head if noun.dep_ == "compound" else noun
        if phrase.dep_ in ("dobj", "obj") and self._lemma(phrase.head) in trigger.by_verb:
            # "signed an agreement" is a formal act of support (PLOVER), "reached an agreement" the agreement
            trigger = replace(trigger, type=trigger.by_verb[self._lemma(phrase.head)])
        # An entry without prepositions (a codebook noun) takes its type's (types.yaml).
        noun_preps = trigger.preps if trigger.preps is not None else type_table()[trigger.type].noun_preps
        targets = self._prep_objects(phrase, noun_preps) + arguments.participle_targets(phrase, self.lexicon)
        phrase_agents = arguments.agents(phrase, self.lexicon)
        modifiers = [c for c in phrase_agents if c.i < phrase.i and c.i != noun.i]
        # "a longstanding American-Russian agreement": names inside the modifiers too.
        sources = modifiers + [t for c in modifiers for t in c.subtree if t.i != c.i and t.pos_ in ("PROPN", "ADJ")]
        later_agents = [c for c in phrase_agents if c.i > phrase.i]
        sources += later_agents
        if not sources and trigger.type in self.lexicon.force_types:
            # "the deaths of 735 civilians in its strikes": the act it came about in says who.
            sources = [d for a in arguments.passive_agents(phrase, self.lexicon) for d in arguments.doers(a, self.lexicon)]
        party = None if sources else responsible_party(phrase, self.lexicon)
        sources += [party] if party is not None else []  # "ISIS claimed responsibility for the attack"
        if not targets:
            # "rocket attacks by the militants on the border town": the parser often hangs
            # the act's own preposition on the agent before it.
            targets = [t for agent in later_agents for t in self._prep_objects(agent, noun_preps)]
        symmetric = False
        between = [p for b in phrase.children if b.lower_ == "between" for p in b.children if p.dep_ == "pobj"]
        if between:
            pair = _expand(between)
            sources, targets, symmetric = pair[:1], pair[1:], True
        if phrase.dep_ in ("dobj", "obj") and self._lemma(phrase.head) in self.lexicon.light_verbs:
            subjects = self._subjects(phrase.head)  # "the coalition carried out strikes on ISIS"
            if subjects:
                # The one who stages it acts, and a possessive says the same ("continued
                # their hunger strike"); other modifiers say what kind it is ("hunger").
                sources = subjects + [c for c in sources if c.dep_ == "poss"]
            if not targets:
                targets = self._prep_objects(phrase.head, noun_preps)  # "cut a deal with X"
            if not targets:  # "Finland will give Tanzania a grant"
                targets = [c for c in phrase.head.children if c.dep_ in ("dative", "iobj")]
        if not sources and self._wished_for(phrase):
            sources = self._subjects(phrase.head)  # "Russia wants a ceasefire with the rebels"
        if not sources and phrase.dep_ == "pobj" and phrase.head.dep_ == "prep" and phrase.head.head.pos_ == "VERB":
            head_verb = phrase.head.head
            # "engaged in talks", "went ahead with the attack"; not "imposed a curfew after a
            # demonstration" (a time, not a part the subject takes).
            if self._lemma(head_verb) in self.lexicon.light_verbs and phrase.head.lower_ in ("in", "into", "with"):
                sources = self._subjects(head_verb)
            elif phrase.head.lower_ == "under" and not targets:
                # "a US national was put under investigation", "the town came under attack":
                # the subject undergoes it.
                targets = [c for c in head_verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            elif phrase.head.lower_ in self.lexicon.manner_preps and trigger.type not in self.lexicon.force_types:
                # "Russian planes operate in support of the Assad regime", "advanced in
                # cooperation with the army": what the subject does is this act.
                sources = self._subjects(head_verb)
                targets = targets or [p for of in phrase.children if of.lower_ == "of" for p in of.children if p.dep_ == "pobj"]
            elif phrase.head.lower_ in self.lexicon.aided_preps and trigger.type not in self.lexicon.force_types:
                # "the SDF advanced with U.S.-led air support", "with the help of Russia": the
                # helper helps the subject.
                helpers = sources + [
                    p for of in phrase.children if of.lower_ in ("of", "from") for p in of.children if p.dep_ == "pobj"]
                sources, targets = helpers, self._subjects(head_verb)
        status_token = phrase.head if phrase.dep_ in ("dobj", "obj", "nsubj") and phrase.head.pos_ in ("VERB", "AUX") else phrase
        fallback = self._complement_targets(phrase, sources, trigger.type)
        if trigger.needs_prep and not targets and not fallback:
            return
        # Only what the subject undertakes ("Iran will launch attacks"), not a noun that is
        # itself the subject ("the campaign would stall").
        commits = phrase.dep_ in ("dobj", "obj") and status_token.i not in (noun.i, phrase.i)
        commitment = self._commitment(status_token, trigger.type) if commits else None
        if commitment:  # "Finland will give Tanzania a grant", "Iran will launch attacks on Iraq"
            yield EventCandidate(
                trigger=noun.i, type=commitment, kind="event", how="commitment",
                sources=tuple(t.i for t in _expand(sources)), targets=tuple(t.i for t in _expand(targets)),
                fallback_targets=tuple(t.i for t in _expand(fallback)),
            )
        yield EventCandidate(
            trigger=noun.i, type=trigger.type, kind=trigger.kind, how="noun",
            sources=tuple(t.i for t in _expand(sources)), targets=tuple(t.i for t in _expand(targets)),
            fallback_targets=tuple(t.i for t in _expand(fallback)),
            negated=is_negated(noun, self.lexicon) or (status_token is not noun and is_negated(status_token, self.lexicon)),
            hypothetical=not self._presupposed(phrase) and (is_hypothetical(status_token, self.lexicon) or self._wished_for(phrase)),
            symmetric=symmetric,
        )

    def _wished_for(self, phrase: Token) -> bool:
        """"the US plans strikes against ISIS", "Turkey wants a ceasefire": an act that is
        the object of planning or wanting has not happened."""
        return phrase.dep_ in ("dobj", "obj") and self._lemma(phrase.head) in self.lexicon.wanting_verbs

    def _presupposed(self, phrase: Token) -> bool:
        """A definite act the clause takes as given: "called on Russia to stop the crimes
        carried out by the regime", "vowed to avenge the bombing of the village". Not one
        the subject undertakes ("will launch the offensive") nor one a plan or wish names."""
        # ... or described by what was done: "to stop crimes carried out by the regime".
        definite = any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in self.lexicon.definite_determiners
                       or c.dep_ == "acl" and c.tag_ == "VBN" for c in phrase.children)
        if not definite or phrase.dep_ not in ("dobj", "obj", "pobj"):
            return False
        governor = phrase.head.head if phrase.dep_ == "pobj" else phrase.head
        lemma = self._lemma(governor)
        return lemma not in self.lexicon.light_verbs and lemma not in self.lexicon.hypothetical_governors \
            and lemma not in self.lexicon.wanting_verbs

    def _relational(self, noun: Token, trigger: Trigger):
        """"al-Qaeda's affiliate", "its Hezbollah militia allies", "Iran's proxies such as X"."""
        # "its proxies and allies": coordinated relational nouns share the possessor and
        # what they stand for; each gives its own type (BACKS for proxies, ALLIED_WITH for allies).
        group = [noun]
        if noun.dep_ == "conj" and noun.head.lemma_.lower() in self.lexicon.relational_nouns:
            group.append(noun.head)
        group += [c for c in noun.children if c.dep_ == "conj" and c.lemma_.lower() in self.lexicon.relational_nouns]
        possessors = [c for member in group for c in member.children if c.dep_ == "poss"]
        possessors += [p for member in group for of in member.children if of.lower_ == "of" for p in of.children if p.dep_ == "pobj"]
        if not possessors:
            # "al-Qaeda affiliate al-Nusra Front", "Iranian proxies": a name or demonym before it.
            # A name wins over a demonym: in "the PKKs Syrian affiliate" (the apostrophe lost)
            # "Syrian" says where.
            before = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
            possessors = [c for c in before if c.pos_ == "PROPN"] or [c for c in before if c.pos_ == "ADJ"]
        if not possessors:
            return
        # What the noun stands for: the name it introduces ("its armed wing YPG", "the
        # PKK's Syrian affiliate PYD"), the phrase it is in apposition to, or the noun
        # itself. Not a modifier of it: "Syrian" in "the PKK's Syrian affiliate" says where.
        named = [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
            named.append(noun.head)
        referents = named or ([noun.head] if noun.dep_ == "appos" else [noun])
        for member in group:  # "..., which include militias such as Hezbollah"
            for clause in member.children:
                if clause.dep_ == "relcl" and clause.lemma_.lower() in self.lexicon.inclusion_verbs:
                    referents += [c for c in clause.children if c.dep_ in ("dobj", "obj")]
        for conj in noun.children:  # "proxies and militias": plain nouns coordinated with it
            if conj.dep_ == "conj" and conj.lemma_.lower() not in self.lexicon.relational_nouns:
                referents.append(conj)
        referents = [t for t in _expand(referents) if t.i not in {m.i for m in group} or t.i == noun.i]
        sources, targets = referents, possessors
        if trigger.reverse:
            sources, targets = targets, sources
        # "Jabhat al-Nusra, al-Qaeda's affiliate": an apposition is background the writer
        # gives, true whatever the clause around it says ("could weaken groups like ...").
        background = noun.dep_ == "appos"
        yield EventCandidate(
            trigger=noun.i, type=trigger.type, kind=trigger.kind, how="relational",
            sources=tuple(t.i for t in sources), targets=tuple(t.i for t in targets),
            negated=is_negated(noun, self.lexicon), hypothetical=False if background else is_hypothetical(noun, self.lexicon),
            background=background,
        )

    def _compound(self, word: Token, trigger: Trigger):
        """"Russian-backed Syrian forces": Russia BACKS the forces."""
        modifier = word.nbor(-2)
        modified = word.head if word.head.i > word.i else None
        if modified is None:
            return
        sources, targets = [modifier], [modified]
        if trigger.reverse:
            sources, targets = targets, sources
        yield EventCandidate(
            trigger=word.i, type=trigger.type, kind=trigger.kind, how="compound",
            sources=(sources[0].i,), targets=(targets[0].i,),
        )

    def _demands(self, doc: Doc, frames: dict[int, Frame]):
        """"The regime needs to end the shelling," Kirby said: Kirby REQUEST the regime."""
        found = []
        for verb in doc:
            frame = frames.get(verb.i)
            if frame is None or frame.speaker is None or verb.pos_ not in ("VERB", "AUX"):
                continue
            subject_start = min((c.i for c in verb.children if c.dep_ == "nsubj"), default=verb.i)
            # "should the U.S. and Russia agree" (the modal before its subject) is a condition.
            # An auxiliary "have" is the perfect ("have agreed"); "have to" is read below, as
            # the governor of an xcomp.
            modal = any(c.dep_ == "aux" and c.lower_ in self.lexicon.normative_modals and c.lemma_.lower() != "have"
                        and c.i > subject_start for c in verb.children)
            needs = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.lexicon.normative_modals
            subject_of = verb.head if needs else verb
            # ("we must": the speaker's own resolve, no demand; "the US must" is one)
            subjects = [c for c in subject_of.children if c.dep_ == "nsubj"
                        and not (c.pos_ == "PRON" and c.lower_ in self.lexicon.first_person)]
            if (modal or needs) and subjects and not is_negated(subject_of, self.lexicon):
                found.append(EventCandidate(
                    trigger=verb.i, type="REQUEST", kind="event", how="demand",
                    sources=(frame.speaker,), targets=tuple(t.i for t in _expand(subjects)), frame=frame,
                ))
        return found

    def _accused_acts(self, doc: Doc, frames: dict[int, Frame]):
        """"Russia accused the US of ferrying ISIS fighters": the ferrying, asserted by Russia."""
        found = []
        for verb in doc:
            trigger = self.lexicon.verbs.get(verb.lemma_.lower())
            if trigger is None or not trigger.accused_act or verb.pos_ != "VERB":
                continue
            accused = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
            accuser = self._subjects(verb) or [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            preps = list(verb.children) + [c for obj in accused for c in obj.children]
            for prep in preps:
                if prep.dep_ != "prep" or prep.lower_ not in trigger.accused_act:
                    continue
                for act in prep.children:
                    if act.dep_ not in ("pcomp", "pobj") or act.lemma_.lower() not in self.lexicon.verbs:
                        continue
                    act_trigger = self.lexicon.verbs[act.lemma_.lower()]
                    act_type = act_trigger.type
                    if act_trigger.object_type and any(c.dep_ in ("dobj", "obj") for c in act.children):
                        act_type = act_trigger.object_type
                    act_preps = DEFAULT_TARGET_PREPS if act_trigger.preps is None else act_trigger.preps
                    # "of using chemical weapons against government troops": the object may be
                    # a weapon, the one acted upon in a prepositional phrase.
                    targets = [c for c in act.children if c.dep_ in _OBJECTS]
                    fallback = self._prep_objects(act, act_preps)
                    if not accuser and not any(c.dep_ == "nsubjpass" for c in verb.children):
                        continue  # ("Russia was accused of ...": by someone unnamed)
                    found.append(EventCandidate(
                        trigger=act.i, type=act_type, kind="relation" if act_type in RELATIONS else "event", how="accused",
                        sources=tuple(t.i for t in _expand(accused)), targets=tuple(t.i for t in _expand(targets)),
                        fallback_targets=tuple(t.i for t in _expand(fallback)),
                        negated=is_negated(act, self.lexicon), frame=Frame(speaker=accuser[0].i if accuser else None, cue=verb.lower_),
                    ))
        return found

    # -- arguments ------------------------------------------------------------------

    def _subjects(self, verb: Token) -> list[Token]:
        """The verb's subject, or the one it inherits (control, coordination, relative clause)."""
        if verb.i in self.attribution.participle_subjects:  # "... the Observatory said blaming X"
            return [verb.doc[self.attribution.participle_subjects[verb.i]]]
        seen = set()
        while verb.i not in seen:
            seen.add(verb.i)
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
            if subjects and verb.dep_ == "relcl" and subjects[0].lower_ in self.lexicon.relativizers:
                # "Hezbollah, which fights ISIS": the antecedent acts
                return [_antecedent(verb.head, subjects[0].lower_, self.role_nouns)]
            if subjects and verb.dep_ == "relcl" and any(c.lower_ == "whose" for c in subjects[0].children):
                # "the coalition, whose aircraft and advisers supported the SDF"
                return [verb.head]
            if not subjects and seen != {verb.i}:
                # "Kerry is scheduled to meet Putin": the passive subject of the governor.
                subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if subjects:
                return subjects
            if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return [_antecedent(verb.head, "", self.role_nouns)]  # "militias that fight ISIS", "forces fighting ISIS"
            if self._purpose_noun(verb) is not None:
                return [self._purpose_noun(verb)]
            if verb.dep_ == "xcomp":
                objects = [c for c in verb.head.children if c.dep_ in ("dobj", "obj")]
                if objects and verb.head.lemma_.lower() in self.lexicon.object_control:
                    return objects  # object control: "asked the US to remove"
                verb = verb.head  # subject control: "vowed to fight"
                continue
            if verb.dep_ in ("conj", "advcl", "pcomp") and verb.head.pos_ in ("VERB", "AUX"):
                verb = verb.head
                continue
            if verb.dep_ in ("acomp", "xcomp") and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
                verb = verb.head  # "are ready to pull out": the subject of "are"
                continue
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                verb = verb.head.head
                continue
            if verb.dep_ == "pobj" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX") and seen != {verb.i}:
                verb = verb.head.head  # "are on the verge of withdrawing": the subject of "are"
                continue
            break
        return []

    def _purpose_noun(self, verb: Token) -> Token | None:
        """The purpose noun an infinitive completes when the parser hung it on the clause's
        verb instead: "the U.S. program to train a rebel army", "a plan to quickly arm the
        rebels". The noun phrase that ends right before "to" is the one it completes."""
        to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
        if verb.dep_ != "advcl" or to is None or to.i == 0:
            return None
        noun = verb.doc[to.i - 1]
        while noun.dep_ in ("compound", "amod", "nmod", "poss") and noun.head.i > noun.i and noun.head.i < to.i:
            noun = noun.head  # the phrase's head: "the training program" -> "program"
        if noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() in self.lexicon.purpose_nouns:
            return noun
        return None

    def _purpose_subjects(self, verb: Token) -> list[Token]:
        """Who does what a purpose infinitive hung on an object says: the subject of the verb
        that governs the object ("exploit any agreement to bolster the regime")."""
        # ... and "rebel groups issued a statement asking civilians to leave": what the
        # statement does, its issuer does.
        if verb.dep_ == "acl" and (_has_to(verb) or verb.tag_ == "VBG") and verb.head.dep_ in ("dobj", "obj") \
                and verb.head.head.pos_ in ("VERB", "AUX"):
            return self._subjects(verb.head.head)
        return []

    def _complement_targets(self, head: Token, sources: list[Token], type_: str = "") -> list[Token]:
        """Targets read from a clause the trigger governs.

        "demanding that President Mugabe abandon ...": the clause's subject, when it is not
        the trigger's own source; "threatened to launch an offensive against Iraq", "will
        withdraw its force from Chad": the targets of what the clause does.
        """
        found: list[Token] = []
        source_ids = {t.i for t in sources}
        for clause in head.children:
            if clause.dep_ not in ("ccomp", "xcomp", "acl", "advcl") or clause.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in source_ids]
            # Whom a demand, warning or accusation is about is the clause's subject; for
            # other acts it is not ("help ensure that these terrorists never enter").
            if subjects and clause.dep_ in ("ccomp", "acl") and (
                type_ in _SPEECH_ACTS or head.lemma_.lower() in self.lexicon.object_control
            ):  # ... and for "allowed a convoy [to] go free", the one allowed
                found += subjects
                continue
            objects = [c for c in clause.children if c.dep_ in _OBJECTS]
            found += self._prep_objects(clause, DEFAULT_TARGET_PREPS + ("from", "into"))
            for obj in objects:
                found.append(obj)
                found += self._prep_objects(obj, ("against", "on", "with", "to", "of"))
            # "vowed not to let the convoy pass": whom the inner clause is about.
            if type_ in _SPEECH_ACTS:  # "vowed not to let the convoy pass"
                found += [c for inner in clause.children if inner.dep_ in ("ccomp", "xcomp")
                          for c in inner.children if c.dep_ == "nsubj" and c.i not in source_ids]
        return found

    def _prep_objects(self, head: Token, preps) -> list[Token]:
        found = []
        for prep in head.children:
            if prep.dep_ in ("prep", "agent", "dative", "prt") and prep.lower_ in preps:
                found += [c for c in prep.children if c.dep_ in ("pobj", "dobj")]
            elif prep.dep_ == "prt":
                # phrasal verbs: "called on the coalition to" parses "on" as a particle
                found += [c for c in head.children if c.dep_ == "dobj" and c.i > prep.i and prep.lower_ in preps]
        return found


def _antecedent(noun: Token, relativizer: str, role_nouns: frozenset[str]) -> Token:
    """Who a relative or participial clause is about: its antecedent, or the person a role
    noun describes. "Farhan al-Hussein, the former rebel commander who joined the SDF":
    he joined, not the rebels; "the commander of a rebel faction who defected": a "who"
    on the faction of a role is about its holder."""
    role = noun
    if relativizer in ("who", "whom") and noun.lemma_.lower() not in role_nouns and noun.dep_ == "pobj" \
            and noun.head.dep_ == "prep" and noun.head.head.lemma_.lower() in role_nouns:
        role = noun.head.head
    if role.lemma_.lower() not in role_nouns:
        return noun
    if role.dep_ == "appos" and role.head.pos_ == "PROPN":
        return role.head  # "Farhan al-Hussein, the former rebel commander who ..."
    named = [c for c in role.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return named[0] if named else role if role is not noun else noun


def _reduced_relative(verb: Token) -> Token | None:
    """The noun a past participle describes without a relative pronoun: "forces backed by
    Hezbollah", "militias armed and trained by Iran" (also the second of coordinated ones)."""
    def bare(token: Token) -> bool:
        return token.dep_ == "acl" and token.tag_ in ("VBN", "JJ") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in token.children)
    if verb.tag_ != "VBN":
        return None
    if bare(verb):
        return verb.head
    if verb.dep_ == "conj" and bare(verb.head):
        return verb.head.head
    return None


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _acts_as_verb(token: Token) -> bool:
    """A verb, or a word the tagger missed but the parser gave a subject and an object
    ("Russia and Iran back the government": "back" tagged as an adverb)."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    deps = {c.dep_ for c in token.children}
    return "nsubj" in deps and bool(deps & {"dobj", "obj"})
