"""Resolve the candidate spans of one article to actors, on the article's date.

Input: a Doc marked by the ``faultlines_actors`` component, the catalogue, the article
date. Output: frozen values — the mentions (span -> actor id), every actor they refer
to (catalogue entries and new ones), and the roles the text gives people ("Russian
military spokesman Igor Konashenkov" -> spokesman of RUS.MIL).

Rules, in the order they apply:
- a catalogue name is looked up on the article's date ("the Syrian government" in 2017
  is Assad's, in 2025 the transitional one); a state named before a military noun ("U.S.
  forces", "Russian jets") is that state's military;
- a leader's possessive before forces or government ("Assad's forces") is the military
  or government the leader headed on that date;
- a person not in the catalogue becomes a new actor, keyed by kind and normalized name so
  that the same person in two articles is one actor; a later surname alone ("Sejari")
  links to the full name earlier in the article;
- an anonymous source gets the affiliation its words give ("a U.S. official"), or, when
  they give only a sector ("two defense officials"), that sector of the state the article
  names most (with its government, military and bodies);
- a generic member noun next to a group's name is that group ("Nusra Front fighters",
  "ISIL terrorists", "the Takfiri ISIL group", "fighters of ISIS"), and "the militants",
  "the militant group" refer back to the last group named, as "the group" does;
- people counted or acted upon ("two children were killed") are the civilians;
- "he"/"she" link to the one person named in this or the previous sentence, "the group"
  to the last actor of a fitting kind in the last three sentences; a later part of a
  name ("al-Hussein" after "Farhan al-Hussein", "Abdel Rahman" after "Rami
  Abdulrahman") to the full name; otherwise nothing.

Nothing is matched fuzzily: a name that is not in the catalogue is never mapped onto an
entry that merely looks similar, only onto another transliteration of it
(``catalogue.spelling_key``: "Abdel Rahman" = "Abdulrahman", "Deir ez-Zor" = "Deir Ezzor").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span

from ..extract.actors import SPAN_KEY
from ..extract.cues import ActorCues, actor_cues
from ..values import Actor, Mention, RoleInArticle
from .catalogue import Catalogue, normalize_name, spelling_key
from .places import is_place

_GROUP_KINDS = ("armed group", "militia", "coalition", "generic", "private military company")
_MILITARY_SECTORS = {"defense", "defence", "military"}
_PASSES = (("catalogue", "demonym", "civilians"), ("person", "organization", "anonymous"), ("pronoun", "group_pronoun", "anaphor"))
_NOT_GROUPS = ("person", "anonymous")
# Kinds a member noun next to the name stands for: "Nusra Front fighters" are Nusra.
_NAMED_GROUPS = ("armed group", "militia", "coalition", "private military company", "political party", "de facto state")


@dataclass(frozen=True)
class ActorsFound:
    mentions: tuple[Mention, ...]
    actors: tuple[Actor, ...]
    roles: tuple[RoleInArticle, ...]


def new_actor_id(kind: str, name: str) -> str:
    """The id of an actor the catalogue does not know: kind and normalized name."""
    prefix = {"person": "person", "anonymous": "anon"}.get(kind, "org")
    return f"{prefix}:{re.sub(' ', '-', normalize_name(name))}"


class MentionResolver:
    """Resolves one Doc at a time; holds the catalogue and cue lists."""

    def __init__(self, catalogue: Catalogue, cues: ActorCues | None = None):
        self.catalogue = catalogue
        self.cues = cues or actor_cues()

    def resolve(self, doc: Doc, on: str | date | None) -> ActorsFound:
        """Resolve a Doc's actor spans on date ``on``; when ``on`` is None, on the date the
        names in the text point to (see ``estimate_date``), else today."""
        spans = list(doc.spans.get(SPAN_KEY, []))
        if on is None:
            on = self.estimate_date(spans)
        state = _DocState(doc)
        people: list[tuple[Span, Actor]] = []
        # Names first, then what is described by names (a person's role, an anonymous
        # source's side), then what refers back to either.
        for labels in _PASSES:
            for span in spans:
                if span.label_ in labels:
                    actor = getattr(self, f"_{span.label_}")(span, on, state)
                    if actor is not None:
                        state.add(span, actor)
            for span, person in state.roles_later:
                state.remember_name_parts(span, person)
            people += state.roles_later
            state.roles_later.clear()
            if labels == _PASSES[0]:
                self._members_are_their_group(state)
        # People's roles once everything around them is resolved: the organisation may be
        # named after the person ("Wird Furati head of press at Fastaqim") or written as a
        # reference back ("Coalition spokesman Colonel Daniel Mercer", "Ministry spokesman ...").
        for span, person in people:
            self._roles_around(span, person, on, state)
        # Only actors still mentioned ("militants" relinked to its group is not one).
        used = {m.actor_id for m in state.mentions} | {r.person_id for r in state.roles} | {
            r.member_of for r in state.roles}
        return ActorsFound(
            mentions=tuple(state.mentions),
            actors=tuple(a for a in state.actors.values() if a.id in used),
            roles=tuple(dict.fromkeys(state.roles)),
        )

    def estimate_date(self, spans) -> date | None:
        """The year most of the article's time-bound names were current, as its 1 July.

        "Jabhat al-Nusra" (2012-2016), "the Obama administration" (2009-2017) and Brett
        McGurk's role as envoy (2015-2018) date a text to about 2016 when its file does
        not say; "the Syrian government" there is then Assad's, not the transitional one.
        None when the names are not time-bound.
        """
        periods = [p for span in spans if span.label_ == "catalogue" for p in self.catalogue.periods(span.text)]
        if not periods:
            return None
        today = date.today()
        first = min((start.year for start, _ in periods if start), default=today.year - 30)

        def weight(start: date | None, end: date | None) -> float:
            # A short span says more than a long one: an envoy's three years date a text
            # better than a group's decades.
            years = ((end or today) - (start or date(first, 1, 1))).days / 365.25
            return 1 / max(years, 1.0)

        scores = {}
        for year in range(max(first, 1945), today.year + 1):
            middle = date(year, 7, 1)
            scores[middle] = sum(weight(start, end) for start, end in periods
                                 if (start is None or start <= middle) and (end is None or middle < end))
        top = max(scores.values())
        if top <= 0:
            return None
        best = [day for day, score in scores.items() if score >= top - 1e-9]
        return best[len(best) // 2]  # the middle of the best years

    # -- one method per span label ------------------------------------------------------

    def _catalogue(self, span: Span, on, state: "_DocState") -> Actor | None:
        # The finder also accepts a known name with a possessive that lost its apostrophe
        # ("Syrias army"); look that up without the "s".
        found = self.catalogue.lookup(span.text, on) or self.catalogue.lookup(span.text[:-1], on)
        if not found:
            return None
        actor = found[0]
        if actor.kind in ("state", "government") and self._names_a_place(span):
            return None  # "Syria's second-largest city", "the Damascus countryside": where, not who
        if actor.kind == "person":
            led = self._possessed(span, actor, on)
            if led is not None:
                # "Assad's forces", "the army of Bashar al-Assad": a mention of the forces
                # over the whole phrase, beside the mention of the leader.
                phrase, forces = led
                state.add(phrase, forces)
            state.roles_later.append((span, actor))
        if actor.kind == "state":
            return self._military_if_armed(span, actor)
        if actor.id in self.cues.state_agents and span.start > 0:
            state_actor = self.catalogue.demonym(span.doc[span.start - 1].text, on)
            if state_actor is not None:  # "Iraqi police", "Turkish security forces"
                body = self.catalogue.get(f"{state_actor.id}.MIL") if self.cues.state_agents[actor.id] == "military" else None
                return body or state_actor
        return actor

    def _names_a_place(self, span: Span) -> bool:
        """A state's name or demonym modifying a place noun: "the Lebanese border", "Turkish
        territory", "Syria's second-largest city"."""
        head = span.root.head
        return span.root.dep_ in ("amod", "compound", "poss") and head.i >= span.end and (
            head.lemma_.lower() in self.cues.place_head_nouns or head.lower_ in self.cues.place_head_nouns)

    def _demonym(self, span: Span, on, state: "_DocState") -> Actor | None:
        if self._names_a_place(span):
            return None  # a place, no state acting
        actor = self.catalogue.demonym(span.text, on)
        return self._military_if_armed(span, actor) if actor else None

    def _civilians(self, span: Span, on, state: "_DocState") -> Actor | None:
        found = self.catalogue.lookup("civilians", on)  # the catalogue's own name for them
        return found[0] if found else None

    def _members_are_their_group(self, state: "_DocState") -> None:
        """Generic member nouns that name a group: next to its name ("Al-Shabaab militants",
        "the Takfiri ISIL group"), with its name after "of"/"from" ("fighters of ISIS",
        "jihadists from ISIL"), or "the militants" / "the militant group" after it."""
        resolved = state.resolved
        for k, (span, actor) in enumerate(resolved):
            word = span.root.lemma_.lower()
            if span.root.text[:1].isupper() and word.endswith("s"):
                word = word[:-1]  # Title Case "Terrorists" is tagged a proper noun, its own lemma
            if actor.kind != "generic" or word not in self.cues.member_nouns:
                continue
            group = self._group_beside(span, resolved, k)
            if group is None:
                group = self._group_referred_to(span, state, k)
            if group is not None:
                state.relink(k, group)

    def _group_beside(self, span: Span, resolved, k: int) -> Actor | None:
        doc = span.doc
        neighbours = [resolved[j] for j in (k - 1, k + 1) if 0 <= j < len(resolved)]
        for other, actor in neighbours:
            if actor.kind not in _NAMED_GROUPS:
                continue
            # The name right before, or before a bracketed short form ("Daesh militants",
            # "ISIL Terrorists" in a headline, "the Islamic State (IS) militant group").
            if other.end <= span.start and all(t.text in "()[]\"'“”" for t in doc[other.end:span.start]):
                return actor
            # The name right after, tied to the member noun by the parse ("the Takfiri ISIL
            # group", "militant group Hezbollah"); without commas "killed rebels Hezbollah
            # said" is two phrases.
            if other.start == span.end and (
                    span.root.dep_ in ("amod", "compound", "nmod") and span.root.head.i >= other.start
                    or span.start <= other.root.head.i < span.end):
                return actor
        for child in span.root.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                for other, actor in neighbours:
                    if actor.kind in _NAMED_GROUPS and other.start > child.i and any(
                            t.dep_ == "pobj" and t.head.i == child.i and t.left_edge.i <= other.start <= t.i
                            for t in child.children):
                        return actor  # "fighters of ISIS", "jihadists of Daesh terrorist group"
        return None

    def _group_referred_to(self, span: Span, state: "_DocState", k: int) -> Actor | None:
        doc = span.doc
        words = span.text.lower()
        if not words.startswith("the "):
            if span.start == 0 or doc[span.start - 1].lower_ != "the":
                return None
            words = f"the {words}"
        kinds = self.cues.group_anaphors.get(words)
        if not kinds:
            return None
        kinds = tuple(kinds) + (_GROUP_KINDS if "armed group" in kinds else ())
        sentence = state.sentence_of(span)
        for other, actor in reversed(state.resolved[:k]):
            if state.sentence_of(other) < sentence - 3:
                break
            if actor.kind in kinds and actor.kind != "generic":
                return actor
        return None

    def _person(self, span: Span, on, state: "_DocState") -> Actor | None:
        found = [a for a in self.catalogue.lookup(span.text, on) if a.kind == "person"]
        if found:
            actor = found[0]
        elif state.named_before(span) is not None:
            # "Sejari" after "Mustapha Sejari", "al-Hussein" after "Farhan al-Hussein"
            actor = state.named_before(span)
        elif is_place(span.text):
            return None  # the NER took a town for a person: "al-Mayadin"
        else:
            actor = self._known_by_surname(span, on, state) or Actor(
                id=new_actor_id("person", span.text), name=span.text, kind="person")
        state.remember_name_parts(span, actor)
        # Its roles are read after the last pass, when the organisations named after the
        # person are known too ("Wird Furati head of press at Fastaqim Kama Umirt").
        state.roles_later.append((span, actor))
        return actor

    def _known_by_surname(self, span: Span, on, state: "_DocState") -> Actor | None:
        """"Sudanese President Bashir": the one catalogue person of that surname who held a
        role in the side named before the name (Sudan) on the article's date."""
        doc = span.doc
        if span.root.left_edge.i >= span.start:
            return None
        sides = {a.id for s, a in state.spans_within(doc[span.root.left_edge.i:span.start])}
        if not sides:
            return None
        surname = normalize_name(span[-1].text)
        found = []
        for entry in self.catalogue.entries():
            if entry.actor.kind != "person" or normalize_name(entry.actor.name).split()[-1:] != [surname]:
                continue
            for role in (self.catalogue.roles(entry.actor.id, on) if on else entry.roles):
                chain = {role.member_of} | {a.id for a in self.catalogue.ancestors(role.member_of)} if role.member_of in self.catalogue else {role.member_of}
                if chain & sides:
                    found.append(entry.actor)
                    break
        return found[0] if len(found) == 1 else None

    def _organization(self, span: Span, on, state: "_DocState") -> Actor | None:
        found = self.catalogue.lookup(span.text, on)
        if found:
            return found[0]
        if state.named_before(span) is not None:
            return state.named_before(span)  # the NER took a surname for an organisation
        if len(span.text) < 3 or is_place(span.text):
            return None
        return Actor(id=new_actor_id("organization", span.text), name=span.text, kind="organization")

    def _anonymous(self, span: Span, on, state: "_DocState") -> Actor | None:
        inner = [s for s in state.spans_within(span) if s[1].kind != "anonymous"]
        words = {t.lemma_.lower() for t in span} | {span[i:i + 2].text.lower() for i in range(len(span) - 1)}
        sectors = words & self.cues.sector_words
        if inner:
            affiliation = inner[-1][1]
        elif sectors and self._most_named_state(state):
            affiliation = self._most_named_state(state)
        else:
            affiliation = None
        if affiliation is not None and affiliation.kind == "state" and sectors:
            body = "MIL" if sectors & _MILITARY_SECTORS else "GOV"
            affiliation = self.catalogue.get(f"{affiliation.id}.{body}") or affiliation
        if affiliation is None:
            return Actor(id="anon:unknown", name="anonymous source", kind="anonymous")
        return Actor(
            id=f"anon:{affiliation.id}", name=f"anonymous ({affiliation.name})",
            kind="anonymous", parent=affiliation.id,
        )

    def _most_named_state(self, state: "_DocState") -> Actor | None:
        """The state the article names most, counting its government, military and bodies
        ("the Pentagon", "the White House" count for the US)."""
        counts: Counter = Counter()
        for _, actor in state.resolved:
            chain = [actor] + (self.catalogue.ancestors(actor.id) if actor.id in self.catalogue else [])
            states = [a for a in chain if a.kind == "state"]
            if states:
                counts[states[0].id] += 1
        return self.catalogue.get(counts.most_common(1)[0][0]) if counts else None

    def _pronoun(self, span: Span, on, state: "_DocState") -> Actor | None:
        """"he", "she": the one person named in the nearest sentence (up to 4 back) that names any."""
        sentence = state.sentence_of(span)
        for back in range(0, 5):
            people = {m.actor_id for m in state.mentions_since(sentence - 4, span.start_char) if m.sentence_index == sentence - back
                      and m.start < span.start_char and state.actors[m.actor_id].kind == "person"
                      and m.how != "pronoun"}
            if people:
                return state.actors[people.pop()] if len(people) == 1 else None
        return None

    def _group_pronoun(self, span: Span, on, state: "_DocState") -> Actor | None:
        """"its", "their", "they": the last group named in this sentence, else the first of the one before."""
        sentence = state.sentence_of(span)
        # "the coalition could strike them": an object pronoun never means its own clause's
        # subject (that would be "themselves").
        token = span.root
        own_subject = set()
        if token.dep_ in ("dobj", "obj", "pobj", "dative"):
            verb = token.head.head if token.dep_ == "pobj" else token.head
            own_subject = {t.idx for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        # "they"/"their" may mean unnamed officials ("two defense officials ... saying they
        # believe"); "its" never does.
        excluded = ("person",) if span.text.lower() in ("they", "their", "them") else _NOT_GROUPS
        before = [m for m in state.mentions_since(sentence - 1, span.start_char) if m.start < span.start_char and m.start not in own_subject
                  and state.actors[m.actor_id].kind not in excluded]
        if span.text.lower() in ("it", "its"):
            # "the deaths of 735 civilians in its strikes": "its" is no plural phrase's.
            before = [m for m in before if not _plural_phrase(span.doc, m)]
        here = [m for m in before if m.sentence_index == sentence]
        if here:
            return state.actors[here[-1].actor_id]
        previous = [m for m in before if m.sentence_index == sentence - 1]
        return state.actors[previous[0].actor_id] if previous else None

    def _anaphor(self, span: Span, on, state: "_DocState") -> Actor | None:
        """"the coalition", "Ministry spokesman": the actor named earlier whose own name has
        that word ("the US-led coalition", "Russia's defense ministry"), else the last one of
        the kinds the word may stand for, within three sentences."""
        words = span.text.lower()
        kinds = self.cues.group_anaphors.get(words if words.startswith("the ") else f"the {words}", ())
        armed = "armed group" in kinds
        if armed:
            kinds = tuple(kinds) + _GROUP_KINDS
        # (Not for "the group", "the militants": "the Islamic State group" names no more a
        # group than Ahrar al-Sham does.)
        head = words.split()[-1]
        named = [] if armed else [m for m in state.mentions if m.start < span.start_char and m.how != "anaphor"
                                  and head in m.text.lower().split() and state.actors[m.actor_id].kind in kinds]
        if named:
            return state.actors[named[-1].actor_id]
        sentence = state.sentence_of(span)
        for mention in reversed(state.mentions):
            if mention.sentence_index < sentence - 3:
                break
            actor = state.actors[mention.actor_id]
            if actor.kind in kinds and mention.start < span.start_char:
                return actor
        return None

    # -- helpers ------------------------------------------------------------------------

    def _military_if_armed(self, span: Span, state_actor: Actor) -> Actor:
        """"Russian jets", "U.S. forces": the state's military rather than the state."""
        if state_actor.kind != "state":
            return state_actor
        head = span.root.head if span.root.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod") else None
        if head is not None and head.i >= span.end and head.lemma_.lower() in self.cues.military_nouns:
            return self.catalogue.get(f"{state_actor.id}.MIL") or state_actor
        return state_actor

    def _possessed(self, span: Span, person: Actor, on) -> tuple[Span, Actor] | None:
        """"Assad's forces", "the army of Bashar al-Assad": the phrase, and the military (or
        government) the leader headed on that date."""
        doc = span.doc
        if span.end + 1 < len(doc) and doc[span.end].tag_ == "POS":
            noun = doc[span.end + 1]
            phrase = Span(doc, span.start, noun.i + 1, label="possessive")
        elif span.text.endswith("s") and not self.catalogue.lookup(span.text) and span.end < len(doc):
            # "Assads troops", "Assads air force": a possessive that lost its apostrophe.
            noun = span.root.head if span.root.head.i >= span.end else doc[span.end]
            phrase = Span(doc, span.start, noun.i + 1, label="possessive")
        elif span.root.dep_ == "pobj" and span.root.head.lower_ == "of" and span.root.head.head.i < span.start:
            noun = span.root.head.head
            phrase = Span(doc, noun.i, span.end, label="possessive")
        else:
            return None
        led = self._led_by(person, noun.lemma_.lower(), on)
        return (phrase, led) if led is not None else None

    def _led_by(self, person: Actor, noun: str, on) -> Actor | None:
        if noun not in self.cues.possessed_forces | self.cues.possessed_government:
            return None
        try:
            roles = self.catalogue.roles(person.id, on)
        except KeyError:
            return None
        led = [self.catalogue.get(r.member_of) for r in roles if r.member_of in self.catalogue]
        # A leader's role is recorded in a government ("president of SYR.GOV.ASSAD") or
        # in the state itself ("president of RUS"); both lead to the state's forces.
        governments = [a for a in led if a is not None and a.kind in ("government", "state")]
        if not governments:
            return None
        government = governments[0]
        states = [a for a in [government] + self.catalogue.ancestors(government.id) if a.kind == "state"]
        state = states[0].id if states else None
        if noun in self.cues.possessed_government:
            return self.catalogue.get(f"{state}.GOV") if government.kind == "state" else government
        return (self.catalogue.get(f"{state}.MIL") if state else None) or government

    def _roles_around(self, span: Span, person: Actor, on, state: "_DocState") -> None:
        """Roles written before the name ("SDF commander X") or in an apposition after it."""
        doc = span.doc
        # A title the catalogue name takes in ("President Bashar Assad") is part of the prefix.
        name_start = span.start
        while name_start < span.end - 1 and doc[name_start].lemma_.lower() in self.cues.role_nouns:
            name_start += 1
        left = min(span.root.left_edge.i, span.start)
        prefix = doc[left:name_start] if left < name_start else None
        if prefix is not None:
            self._role_in(prefix, person, state, before_name=True)
        for child in span.root.children:
            if child.dep_ == "appos" and child.i >= span.end:
                self._role_in(doc[child.left_edge.i:child.right_edge.i + 1], person, state, before_name=False)
        head = span.root.head
        if span.root.dep_ == "compound" and head.i >= span.end and head.lemma_.lower() in self.cues.role_nouns:
            # "Zahran Alloush leader of the Army of Islam": without the comma (stripped from
            # the text, or never written) the parser makes the name a modifier of the role.
            self._role_in(doc[head.i:head.right_edge.i + 1], person, state, before_name=False)
        # "Hadi al-Bahra president of the Syrian Coalition", "X, a spokesman for Y" where the
        # parser made no apposition (text without commas): a role noun right after the name.
        after = span.end
        while after < len(doc) and (doc[after].text == "," or doc[after].dep_ == "det"):
            after += 1
        if after < len(doc) and doc[after].lemma_.lower() in self.cues.role_nouns and doc[after].pos_ == "NOUN":
            self._role_in(doc[span.end:doc[after].right_edge.i + 1], person, state, before_name=False)
        self._catalogue_title(span, doc[left:span.end], person, on, state)

    def _catalogue_title(self, span: Span, words: Span, person: Actor, on, state: "_DocState") -> None:
        """"President Vladimir Putin", "Foreign Minister Walid Muallem": a title with no
        organisation written, of a catalogue person who held that role on the article's
        date. The text asserts the role; the catalogue says in what."""
        if person.id not in self.catalogue or on is None:
            return
        sentence = state.sentence_of(span)
        if any(r.person_id == person.id and r.sentence_index == sentence for r in state.roles):
            return  # the text named the organisation
        titles = {t.lemma_.lower() for t in words if t.lemma_.lower() in self.cues.role_nouns}
        for role in self.catalogue.roles(person.id, on):
            organisation = self.catalogue.get(role.member_of)
            if organisation is not None and titles & set(role.role.lower().split()):
                self._add_role(state, person, organisation, role.role, span)

    def _role_in(self, words: Span, person: Actor, state: "_DocState", before_name: bool) -> None:
        inner = [(span, actor) for span, actor in state.spans_within(words) if actor.id != person.id]
        if not inner:
            return
        role_tokens = [t for t in words if t.lemma_.lower() in self.cues.role_nouns]
        of = next((t for t in words if t.lower_ == "of" and t.i > 0 and t.doc[t.i - 1].lower_ == "one"), None)
        if of is not None:
            # "one of the rebels": a member of the group named right after "of".
            after = [(s, a) for s, a in inner if s.start > of.i]
            if after:
                self._add_role(state, person, after[0][1], "member", words)
            return
        if not role_tokens:
            return
        role = role_tokens[-1]
        # The organisation is the name nearest the role noun: "Russian military spokesman",
        # "spokesman for the SDF", "the SDF's spokesman".
        nearest = min(inner, key=lambda item: min(abs(item[0].start - role.i), abs(item[0].end - 1 - role.i)))
        former = any(t.lower_.strip("-") in self.cues.former_modifiers for t in words if t.i < role.i)
        self._add_role(state, person, nearest[1], role.lemma_.lower(), words, former=former)

    def _add_role(self, state: "_DocState", person: Actor, organisation: Actor, role: str, words: Span,
                  *, former: bool = False) -> None:
        if organisation.kind in ("person", "anonymous"):
            return
        state.roles.append(RoleInArticle(person.id, organisation.id, f"former {role}" if former else role,
                                         state.sentence_of(words), former=former))


class _DocState:
    """What has been resolved so far in one Doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.mentions: list[Mention] = []
        self.actors: dict[str, Actor] = {}
        self.roles: list[RoleInArticle] = []
        self.surnames: dict[str, Actor] = {}
        # People found in the current pass: their name parts are kept after it, their roles
        # read after the last pass.
        self.roles_later: list[tuple[Span, Actor]] = []
        self._resolved: list[tuple[Span, Actor]] = []
        # Kept beside the lists above so that look-ups bisect rather than scan (linear cost).
        self._char_starts: list[int] = []
        self._token_starts: list[int] = []
        self._sentence_starts = [s.start for s in doc.sents]

    def remember_name_parts(self, span: Span, actor: Actor) -> None:
        """Record the later parts of a full name ("Farhan al-Hussein": "al-Hussein",
        "Hussein"), by spelling key, for a later mention of them alone."""
        for k in range(span.start + 1, span.end):
            part = span.doc[k:span.end]
            if part[0].is_alpha and part[0].text[:1].isupper() or len(part) == 1:
                self.surnames.setdefault(spelling_key(part.text), actor)

    def named_before(self, span: Span) -> Actor | None:
        """The person whose full name, earlier in the article, ends with this span, or
        with it less a possessive that lost its apostrophe ("Akidis statement")."""
        key = spelling_key(span.text)
        if key in self.surnames:
            return self.surnames[key]
        if span.text.endswith("s") and span[-1].text[:1].isupper():
            return self.surnames.get(spelling_key(span.text[:-1]))
        return None

    def relink(self, k: int, actor: Actor) -> None:
        """Point the ``k``-th resolved mention (text order) at another actor."""
        span, _ = self._resolved[k]
        self.actors.setdefault(actor.id, actor)
        self._resolved[k] = (span, actor)
        self.mentions[k] = Mention(
            actor_id=actor.id, sentence_index=self.mentions[k].sentence_index, start=self.mentions[k].start,
            end=self.mentions[k].end, text=self.mentions[k].text, how=self.mentions[k].how,
        )

    def add(self, span: Span, actor: Actor) -> None:
        """Record a resolved span, keeping mentions in text order for look-backs."""
        self.actors.setdefault(actor.id, actor)
        mention = Mention(
            actor_id=actor.id, sentence_index=self.sentence_of(span),
            start=span.start_char, end=span.end_char, text=span.text, how=span.label_,
        )
        at = bisect.bisect_right(self._char_starts, mention.start)
        self.mentions.insert(at, mention)
        self._resolved.insert(at, (span, actor))
        self._char_starts.insert(at, mention.start)
        self._token_starts.insert(at, span.start)

    def sentence_of(self, span: Span) -> int:
        return bisect.bisect_right(self._sentence_starts, span.start) - 1

    def mentions_since(self, sentence: int, before_char: int) -> list[Mention]:
        """Mentions in sentence ``sentence`` or later that start before ``before_char``, in
        text order: found from the end backwards, not by scanning the article's mentions."""
        at = bisect.bisect_left(self._char_starts, before_char)
        first = at
        while first > 0 and self.mentions[first - 1].sentence_index >= sentence:
            first -= 1
        return self.mentions[first:at]

    def spans_within(self, outer: Span) -> list[tuple[Span, Actor]]:
        """Resolved spans inside ``outer`` (after it was resolved: those found before it)."""
        found = []
        for at in range(bisect.bisect_left(self._token_starts, outer.start), len(self._resolved)):
            s, a = self._resolved[at]
            if s.start >= outer.end:
                break
            if s.end <= outer.end and s != outer:
                found.append((s, a))
        return found

    @property
    def resolved(self) -> list[tuple[Span, Actor]]:
        return self._resolved


def resolve_mentions(doc: Doc, catalogue: Catalogue, on: str | date | None) -> ActorsFound:
    """Mentions, actors and roles in one parsed, actor-marked Doc."""
    return MentionResolver(catalogue).resolve(doc, on)


def _plural_phrase(doc: Doc, mention: Mention) -> bool:
    """A mention whose phrase is plural: "735 civilians", "Iraqi soldiers" (a demonym
    before a plural noun), not "the coalition" or "Syria"."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if head.dep_ in ("amod", "compound", "nmod") and head.head.i >= span.end:
        head = head.head  # "Iraqi" in "Iraqi soldiers"
    return head.tag_ in ("NNS", "NNPS")
