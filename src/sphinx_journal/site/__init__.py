"""Foundations every feature stands on: where journal pages live and how to link to them
(:mod:`.links`), placeholder nodes resolved at write time (:mod:`.nodes`),
files the journal writes (:mod:`.outputs`) and the registry of what the
features contribute (:mod:`.registry`).
"""
