"""Invented people for synthetic minutes: common Swedish names and the ways minutes misspell them.

The names are frequent Swedish first names and surnames combined at random (and a few names of
other origins, as in any Swedish municipality); no combination stands for a real person.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

FIRST_NAMES = (
    "Anna", "Eva", "Maria", "Karin", "Kristina", "Lena", "Kerstin", "Ingrid", "Marie", "Birgitta",
    "Sara", "Emma", "Johanna", "Ulrika", "Cecilia", "Helena", "Malin", "Annika", "Camilla", "Ida",
    "Linnea", "Elin", "Åsa", "Ylva", "Märta", "Görel", "Solveig", "Agneta", "Gunilla", "Katarina",
    "Ann-Christin", "Charlotta", "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Nils",
    "Mikael", "Jan", "Hans", "Peter", "Olof", "Gunnar", "Sven", "Magnus", "Fredrik", "Mats",
    "Daniel", "Björn", "Stefan", "Jonas", "Göran", "Håkan", "Örjan", "Åke", "Bengt", "Torbjörn",
    "Ulf", "Patrik", "Tomas",
)  # fmt: skip
SURNAMES = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
    "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Hansson", "Bengtsson", "Jönsson",
    "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Olofsson", "Lindqvist", "Lindgren",
    "Axelsson", "Bergström", "Lundberg", "Lundgren", "Lundqvist", "Mattsson", "Berglund",
    "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström",
    "Eklund", "Danielsson", "Håkansson", "Lundin", "Björk", "Bergman", "Gunnarsson", "Holm",
    "Wikström", "Samuelsson", "Isaksson", "Fransson", "Bergqvist", "Nyström", "Holmberg",
    "Arvidsson", "Löfgren", "Söderberg", "Nyberg", "Blomqvist", "Claesson", "Nordström",
    "Mårtensson", "Lundström", "Viklund", "Björklund", "Eliasson", "Pålsson", "Berggren",
    "Nordin", "Ström", "Åberg", "Hermansson", "Ekström", "Falk", "Holmgren", "Dahlberg",
    "Hellström", "Hedlund", "Sundberg", "Sjögren", "Öberg", "Andreasson", "Strömberg", "Månsson",
    "Åkesson", "Norberg", "Lindholm", "Skoglund", "Söderström", "Skålén", "Ek", "Rydén",
)  # fmt: skip
OTHER_NAMES = (
    ("Amira", "Hadžić"),
    ("Zeynep", "Kaya"),
    ("Mohammed", "Ali"),
    ("Leila", "Karimi"),
    ("Tuula", "Mäkinen"),
    ("Jelena", "Petrović"),
    ("Ahmed", "Hassan"),
    ("Sirpa", "Virtanen"),
)
OTHER_NAME_SHARE = 0.06
DOUBLE_SURNAME_SHARE = 0.07  # "Bergman Larsson"
# Other spellings of the same name, as minutes write them from one meeting to the next.
FIRST_VARIANTS = {
    "Kristina": "Christina",
    "Karl": "Carl",
    "Mikael": "Michael",
    "Tomas": "Thomas",
    "Katarina": "Catharina",
    "Ann-Christin": "Ann-Kristin",
    "Åsa": "Asa",
    "Örjan": "Orjan",
    "Charlotta": "Charlotte",
    "Helena": "Helene",
}
SURNAME_VARIANTS = {
    "Lundqvist": "Lundkvist",
    "Lindqvist": "Lindkvist",
    "Bergqvist": "Bergkvist",
    "Blomqvist": "Blomkvist",
    "Eriksson": "Ericsson",
    "Karlsson": "Carlsson",
    "Pettersson": "Petersson",
    "Mattsson": "Matsson",
    "Olofsson": "Olofson",
    "Jakobsson": "Jacobsson",
    "Skålén": "Skålen",
    "Rydén": "Ryden",
    "Hadžić": "Hadzic",
    "Petrović": "Petrovic",
    "Mäkinen": "Makinen",
}
VARIANT_SHARE = 0.5  # of the people whose name has another spelling, those who meet it
PARTIES = ("S", "M", "C", "V", "KD", "L", "MP", "SD")


@dataclass(frozen=True)
class Person:
    """Someone of the synthetic world, with the one misspelling minutes use for them, if any."""

    key: str  # "synth-p0042": the gold's person_id, the same for every spelling
    name: str
    variant: str | None = None
    party: str | None = None  # politicians only

    def written(self, rng: random.Random, share: float) -> str:
        """The name as one mention writes it: the variant in `share` of the mentions."""
        return self.variant if self.variant and rng.random() < share else self.name


class PeoplePool:
    """Draws new people with names not used before in the same world."""

    def __init__(self, rng: random.Random, prefix: str) -> None:
        self.rng = rng
        self.prefix = prefix
        self.used: set[str] = set()

    def draw(self, *, politician: bool = False) -> Person:
        while True:
            name = self._name()
            if name not in self.used:
                self.used.add(name)
                break
        key = f"{self.prefix}-p{len(self.used):04d}"
        party = self.rng.choice(PARTIES) if politician else None
        return Person(key, name, _variant(name, self.rng), party)

    def _name(self) -> str:
        if self.rng.random() < OTHER_NAME_SHARE:
            first, last = self.rng.choice(OTHER_NAMES)
            return f"{first} {last}"
        last = self.rng.choice(SURNAMES)
        if self.rng.random() < DOUBLE_SURNAME_SHARE:
            last = f"{last} {self.rng.choice([s for s in SURNAMES if s != last])}"
        return f"{self.rng.choice(FIRST_NAMES)} {last}"


def _variant(name: str, rng: random.Random) -> str | None:
    """Another spelling of `name`, for VARIANT_SHARE of the people whose name has one."""
    first, _, last = name.partition(" ")
    options = []
    if first in FIRST_VARIANTS:
        options.append(f"{FIRST_VARIANTS[first]} {last}")
    surnames = last.split()
    if surnames[-1] in SURNAME_VARIANTS:
        options.append(" ".join([first, *surnames[:-1], SURNAME_VARIANTS[surnames[-1]]]))
    if len(surnames) == 2:
        options.append(f"{first} {surnames[0]}")  # a double surname written short
    if not options or rng.random() >= VARIANT_SHARE:
        return None
    return rng.choice(options)
