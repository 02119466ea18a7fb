#!/usr/bin/env python3
"""Writes the benchmark's hook requests and WireMock mappings for one realistic patient.

The patient has two years of labs (a result every week or so; each lab prefetch key holds the newest 20, as
the published templates ask with _count=20), 30 MedicationStatements and 20 MedicationRequests (PPIs,
loop and thiazide diuretics, tacrolimus among dozens of unrelated drugs), 15 conditions, and a low newest
magnesium, so the engine does its full work: grading, drug causes, dosing and card rendering. Since issue 18.7
the prefetch also asks for MedicationAdministrations: 12 recent ones of unrelated drugs (none wastes Mg).

usage: make-requests.py OUT_DIR [--fhir-delays normal|hang]
"""
import json
import os
import sys
from datetime import datetime, timedelta, timezone

LOINC = "http://loinc.org"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
UCUM = "http://unitsofmeasure.org"
NOW = datetime.now(timezone.utc).replace(microsecond=0)  # labs stay current whenever this runs
PID = "bench-1"

# key -> (loinc, unit, newest value, typical value, delay in ms of the fake FHIR server for that query)
LABS = {
    "magnesium": [("19123-9", "mg/dL", 1.1, 1.9)],
    "potassium": [("2823-3", "mmol/L", 3.3, 4.1)],
    "calcium": [("17861-6", "mg/dL", 8.1, 9.2), ("1995-0", "mmol/L", 1.02, 1.2)],
    "renal": [("2160-0", "mg/dL", 1.4, 1.1), ("98979-8", "mL/min/{1.73_m2}", 48, 62)],
    "weight": [("29463-7", "kg", 71.5, 72.0), ("8302-2", "cm", 168, 168)],
}
DELAYS_MS = {"patient": 50, "magnesium": 150, "potassium": 120, "calcium": 100, "renal": 130, "weight": 80,
             "medicationStatements": 110, "medicationRequests": 90, "conditions": 60, "medicationAdministrations": 70}
MG_WASTING = [("7646", "omeprazole"), ("40790", "pantoprazole"), ("4603", "furosemide"),
              ("5487", "hydrochlorothiazide"), ("42316", "tacrolimus")]
OTHER_DRUGS = ["metformin", "lisinopril", "atorvastatin", "amlodipine", "levothyroxine", "sertraline",
               "gabapentin", "tamsulosin", "allopurinol", "warfarin", "insulin glargine", "prednisone",
               "vitamin D3", "acetaminophen", "ondansetron", "senna", "docusate", "mirtazapine",
               "metoprolol", "clopidogrel", "apixaban", "escitalopram", "finasteride", "montelukast",
               "loratadine", "ferrous sulfate", "folic acid", "cyanocobalamin", "melatonin", "trazodone"]


def ts(days_ago):
    return (NOW - timedelta(days=days_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


def observation(oid, loinc, unit, value, days_ago):
    return {"resourceType": "Observation", "id": oid, "status": "final",
            "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                      "code": "laboratory"}]}],
            "code": {"coding": [{"system": LOINC, "code": loinc}]},
            "subject": {"reference": "Patient/" + PID}, "effectiveDateTime": ts(days_ago),
            "valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": unit}}


def bundle(resources):
    return {"resourceType": "Bundle", "type": "searchset", "total": len(resources),
            "entry": [{"fullUrl": "urn:uuid:%s-%d" % (r["resourceType"], i), "resource": r}
                      for i, r in enumerate(resources)]}


def lab_bundle(key):
    obs = []
    for loinc, unit, newest, typical in LABS[key]:
        for i in range(20 // len(LABS[key])):
            days = 1 + i * 36  # newest first, about two years back
            value = newest if i == 0 else round(typical + ((i * 7) % 5 - 2) * 0.05 * typical / 2, 2)
            obs.append(observation("%s-%s-%d" % (key, loinc, i), loinc, unit, value, days))
    return bundle(obs)


def medication(resource_type, mid, code, name, status):
    r = {"resourceType": resource_type, "id": mid, "status": status,
         "medicationCodeableConcept": {"text": name, "coding": [{"system": RXNORM, "code": code, "display": name}]},
         "subject": {"reference": "Patient/" + PID}}
    if resource_type == "MedicationRequest":
        r["intent"] = "order"
        r["authoredOn"] = ts(40)
    else:
        r["effectivePeriod"] = {"start": ts(200)}
        r["dateAsserted"] = ts(3)
    return r


def medications(resource_type, count):
    meds = []
    for i in range(count):
        if i < len(MG_WASTING):
            code, name = MG_WASTING[i]
        else:
            name = OTHER_DRUGS[i % len(OTHER_DRUGS)]
            code = str(900000 + i)
        status = "active" if resource_type == "MedicationStatement" else "active"
        meds.append(medication(resource_type, "%s-%d" % (resource_type.lower(), i), code, name, status))
    return bundle(meds)


def administrations():
    names = ["acetaminophen", "ondansetron", "senna", "heparin", "insulin lispro", "docusate"]
    return bundle([{"resourceType": "MedicationAdministration", "id": "admin-%d" % i, "status": "completed",
                    "medicationCodeableConcept": {"text": names[i % len(names)],
                                                  "coding": [{"system": RXNORM, "code": str(800000 + i % len(names)),
                                                              "display": names[i % len(names)]}]},
                    "subject": {"reference": "Patient/" + PID},
                    "effectiveDateTime": (NOW - timedelta(hours=4 * i + 1)).strftime("%Y-%m-%dT%H:%M:%SZ")}
                   for i in range(12)])


def conditions():
    names = ["Type 2 diabetes", "Hypertension", "Chronic kidney disease stage 3a", "GERD", "Heart failure",
             "Hyperlipidemia", "Hypothyroidism", "Depression", "Osteoarthritis", "Gout", "Atrial fibrillation",
             "Kidney transplant", "Anemia", "Insomnia", "BPH"]
    return bundle([{"resourceType": "Condition", "id": "cond-%d" % i,
                    "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                                                   "code": "active"}]},
                    "code": {"text": n}, "subject": {"reference": "Patient/" + PID}} for i, n in enumerate(names)])


def prefetch():
    p = {"patient": {"resourceType": "Patient", "id": PID, "birthDate": "1951-06-14", "gender": "female"}}
    for key in LABS:
        p[key] = lab_bundle(key)
    p["medicationStatements"] = medications("MedicationStatement", 30)
    p["medicationRequests"] = medications("MedicationRequest", 20)
    p["medicationAdministrations"] = administrations()
    p["conditions"] = conditions()
    return p


def draft_orders():
    drafts = [medication("MedicationRequest", "draft-%d" % i, code, name, "draft")
              for i, (code, name) in enumerate([("314200", "pantoprazole 40 MG Delayed Release Oral Tablet"),
                                               ("310429", "furosemide 20 MG Oral Tablet"),
                                               ("197361", "amlodipine 5 MG Oral Tablet")])]
    return {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": d} for d in drafts]}


def request(hook, with_prefetch, fhir_server=None):
    r = {"hook": hook, "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
         "context": {"userId": "Practitioner/bench", "patientId": PID, "encounterId": "enc-bench"}}
    if hook != "patient-view":
        r["context"]["draftOrders"] = draft_orders()
        if hook == "order-select":
            r["context"]["selections"] = ["MedicationRequest/draft-0"]
    if with_prefetch:
        r["prefetch"] = prefetch()
    if fhir_server:
        r["fhirServer"] = fhir_server
        r["fhirAuthorization"] = {"access_token": "bench-opaque-token", "token_type": "Bearer", "expires_in": 300,
                                  "scope": "patient/*.read", "subject": "hypomag-cds"}
    return r


def wiremock(out, mode):
    mappings = os.path.join(out, "wiremock", "mappings")
    files = os.path.join(out, "wiremock", "__files")
    os.makedirs(mappings, exist_ok=True)
    os.makedirs(files, exist_ok=True)
    data = prefetch()
    queries = {"patient": {"urlPathPattern": "/fhir/Patient/.*"},
               "medicationStatements": {"urlPath": "/fhir/MedicationStatement"},
               "medicationRequests": {"urlPath": "/fhir/MedicationRequest"},
               "medicationAdministrations": {"urlPath": "/fhir/MedicationAdministration"},
               "conditions": {"urlPath": "/fhir/Condition"}}
    for key in LABS:
        queries[key] = {"urlPath": "/fhir/Observation",
                        "queryParameters": {"code": {"contains": LABS[key][0][0]}}}
    for key, match in queries.items():
        with open(os.path.join(files, key + ".json"), "w") as f:
            json.dump(data[key], f)
        delay = 600_000 if mode == "hang" else DELAYS_MS[key]
        req = dict(match)
        req["method"] = "ANY"
        mapping = {"request": req, "response": {"status": 200, "bodyFileName": key + ".json",
                                                "headers": {"Content-Type": "application/fhir+json"},
                                                "fixedDelayMilliseconds": delay}}
        with open(os.path.join(mappings, key + ".json"), "w") as f:
            json.dump(mapping, f)


def main():
    out = sys.argv[1]
    mode = "hang" if "hang" in sys.argv[2:] else "normal"
    os.makedirs(out, exist_ok=True)
    for name, body in [("patient-view-full.json", request("patient-view", True)),
                       ("order-select-full.json", request("order-select", True)),
                       ("patient-view-fetch.json", request("patient-view", False, "FHIR_BASE"))]:
        with open(os.path.join(out, name), "w") as f:
            json.dump(body, f)
    wiremock(out, mode)


if __name__ == "__main__":
    main()
