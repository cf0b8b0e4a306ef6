"""actors stage: resolve every actor mention in a parsed article to a code and a sector.

    Parsed ──ActorResolver──▶ tuple[Actor, ...]   (sorted by start offset)

States resolve to ISO 3166-1 alpha-3 codes (names from pycountry, aliases, demonyms, capitals
and seats of power, regions), IGOs to short codes (NATO, EU, UN, OSCE ...), groups ("the Baltic
states") to one actor per member, descriptive references ("the alliance", "the bloc") to the
IGO the document is about, and people to the role the text gives them before any table. Role
nouns give sectors (GOV, MIL, COP, REB, OPP ...). What the text leaves open (peoples, bare role
nouns, titled people) is resolved from the document's context with a lower confidence, or left
unresolved (``eventwire.actors.context``); places follow the states that held them on the
publication date (``succession.tsv``). News outlets are kept with code None: they
are where a statement was made, not a party to it. The tables are data files in
``eventwire/data/actors`` (see its README); users add their own with ``actors.extra_tables``.
"""

from eventwire.actors.resolver import ActorResolver, actors_in

__all__ = ["ActorResolver", "actors_in"]
