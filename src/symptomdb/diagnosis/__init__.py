"""Differential diagnosis: observed and excluded findings → every condition ranked, with the reasons.

Public interface: `symptomdb.diagnosis.service.diagnose(knowledge, present, absent, sex, onset, limit)`
returning a `DiagnosisResult`; phenopacket input in `symptomdb.diagnosis.phenopackets`; the benchmark in
`symptomdb.diagnosis.bench`. See README.md in this folder for the model and its measured accuracy.
"""
