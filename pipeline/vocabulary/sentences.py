"""Words that shape a Swedish sentence, as reading a decision needs them: subordinators,
modals and auxiliaries, negations, the words around a verb and its "att".

Part of the vocabulary of minutes (see decisions.py, which reads decisions with them).
"""

from __future__ import annotations

# Words that make a negation of the verb beside them; "aldrig" reports that nothing was done.
NEGATIONS = {"inte", "ej", "icke", "aldrig"}
NEVER = "aldrig"
# Words that open a subordinate clause: a decision verb after one is not what the sentence says
# ("Förvaltningen föreslår att ansökan beviljas").
SUBORDINATORS = {
    "att",
    "som",
    "när",
    "eftersom",
    "innan",
    "ifall",
    "tills",
    "medan",
    "vilket",
    "vilka",
    "vilken",
    "där",
    "då",
    "huruvida",
    "varpå",
    "vars",
}
# "blev vald", "har blivit omvald": a participle after these is a passive ("är anmäld" tells a
# state).
COPULAS = {"blev", "blir", "blivit", "vart"}
# "har godkänt", "hade beslutats": a supine reports a decision only with its auxiliary.
PERFECT_AUXILIARIES = {"har", "hade"}
# "ska beviljas", "kan inte godkännas": after these the verb is an infinitive, nothing decided.
MODALS = {
    "ska",
    "skall",
    "skulle",
    "kan",
    "kunde",
    "bör",
    "borde",
    "måste",
    "vill",
    "får",
    "kommer",
}
# "Att justera protokollet utsågs …", "Till att justera …": a sentence that opens with a
# subordinate clause (alone or after one of these) puts its main verb after it.
FRONTING_PREPOSITIONS = {"till", "för", "efter", "utan", "genom", "innan", "med"}
# Words that may stand between a subject and its verb: "Styrelsen har också beslutat".
BETWEEN_SUBJECT_AND_VERB = {"har", "hade", "också", "även", "därmed", "därefter", "sedan", "då"}
# "…, vilket godkändes", "varpå dessa väljs": a relative that carries the outcome on.
CONTINUATIVES = {"vilket", "varpå", "varefter"}
# Between a verb and its "att": "enades om att", "beslutade också att", "valde enhälligt att".
BEFORE_ATT = {"om", "sig", "inte", "ej", "också", "även", "enhälligt"}
# Adverbs that may open an "att" clause before its infinitive or subject: "att även hyra".
CLAUSE_ADVERBS = {"inte", "också", "även", "nu"}
# A line that ends with one of these runs on into the next ("… beslutade styrelsen att" /
# "Anna Berg väljs …" is one sentence).
RUNS_ON = {"och", "att", "samt", "som", "eller", "men", "till", "av", "för", "med", "om", "i", "på"}
# Words after "att" that open a clause with its own subject, not an infinitive: "enades om att
# läget är oroande" agrees on a view, "enades om att hyra en lokal" decides to act.
CLAUSE_SUBJECTS = {
    "en",
    "ett",
    "den",
    "det",
    "de",
    "dessa",
    "denna",
    "detta",
    "vi",
    "man",
    "han",
    "hon",
    "hen",
    "alla",
    "ingen",
    "inget",
    "inga",
    "någon",
    "något",
    "några",
    "samtliga",
    "varje",
    "fokus",
}
# A sentence opened by these denies its subject: "Inga gäster adjungerades" notes that nothing
# was done; "Inga nya bidrag beviljas" states a policy, not a ruling.
NEGATING_SUBJECTS = {"inga", "ingen", "inget"}
# An infinitive ends in a vowel ("hyra", "gå"); a noun as subject mostly does not ("läget",
# "avgiften"), and "-rna" ends a plural ("medlemmarna"), not a verb.
INFINITIVE_ENDINGS = tuple("aeiouyåäö")
PLURAL_ENDING = "rna"
