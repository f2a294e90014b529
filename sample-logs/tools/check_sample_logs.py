#!/usr/bin/env python3
"""Checks the Trailwatch sample logs under sample-logs/logs/.

Re-reads every produced file and verifies:
  * formats: gzip and JSON valid, CloudTrail records carry the required fields, eventIDs unique,
    flow lines have the field count of their format, every file's records lie in the file's period;
  * accounts: only the accounts of ownership.csv plus 210987654321, the latter only 09:10-09:50;
  * the story: simple reference versions of the detection rules (strict, sliding windows) are run over
    everything; the alerts they raise must be exactly the expected ones, i.e. scene thresholds are
    reached and the background and near-misses stay below them.

Standard library only. Run from the repository root:  python3 sample-logs/tools/check_sample_logs.py
"""

import collections
import csv
import datetime as dt
import gzip
import ipaddress
import json
import re
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent
LOGS = SAMPLE / "logs"
UTC = dt.timezone.utc
DAY_START = dt.datetime(2026, 10, 14, 9, 0, tzinfo=UTC)
DAY_END = dt.datetime(2026, 10, 14, 11, 0, tzinfo=UTC)
SANDBOX = "210987654321"
RANSOM_ACCOUNT = "999988887777"   # scene 12: the attacker's account, named only by its KMS key
GIB = 1 << 30

OWNERSHIP_CSV = """match,team,environment,contact,trusted_cidrs,cost_center
111122223333,payments,prod,#payments-alerts,203.0.113.10/32 203.0.113.11/32,CC-1001
444455556666,platform,staging,#platform-oncall,203.0.113.128/28,CC-2001
777788889999,data-engineering,prod,data-security@example.com,203.0.113.64/27,CC-3001
555566667777,security,prod,arn:aws:sns:eu-west-1:555566667777:trailwatch-security,,CC-0001
arn:aws:iam::111122223333:role/payments-web-role,payments-web,prod,#payments-web,203.0.113.10/32,CC-1002
s3://acme-payments-exports,payments-data,prod,#payments-data,,CC-1003
sg-0c3f5a7b9d1e24680,platform-network,staging,#platform-network,,CC-2002
arn:aws:s3:::acme-analytics-*,data-engineering,prod,#data-lake,,CC-3002
10.20.0.0/16,payments,prod,#payments-alerts,,CC-1001
10.40.0.0/16,platform,staging,#platform-oncall,,CC-2001
"""

V5_HEADER = ("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end "
             "action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id "
             "sublocation-type sublocation-id pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path")
V5_FIELDS = V5_HEADER.split()
V2_FIELDS = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status".split()

REQUIRED_API = ["eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion",
                "sourceIPAddress", "userAgent", "requestParameters", "responseElements", "requestID", "eventID",
                "readOnly", "eventType", "managementEvent", "recipientAccountId", "eventCategory"]
REQUIRED_SIGNIN = [f for f in REQUIRED_API if f != "requestID"] + ["additionalEventData"]
REQUIRED_SERVICE = ["eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion",
                    "sourceIPAddress", "userAgent", "eventID", "readOnly", "eventType", "managementEvent",
                    "recipientAccountId", "eventCategory", "serviceEventDetails"]

# The alerts the sample must produce, as (rule, key). Keys are what a test would assert on.
EXPECTED = {
    ("TW-NET-06", "111122223333 UpdateWebACL payments-web-acl by user/dev-jlee @ 09:40:22"),
    ("TW-CMP-01", "111122223333 i-0a1b2c3d4e5f67890 HttpTokens=optional by user/dev-jlee @ 09:42:31"),
    ("TW-CRED-01", "111122223333 assumed-role/payments-web-role/i-0a1b2c3d4e5f67890 from 198.51.100.77 "
                   "(first 10:05:12)"),
    ("TW-RECON-02", "111122223333 assumed-role/payments-web-role/i-0a1b2c3d4e5f67890 (threshold reached 10:08:17)"),
    ("TW-EXFIL-01", "111122223333 assumed-role/payments-web-role/i-0a1b2c3d4e5f67890 objects>=100"),
    ("TW-EXFIL-01", "111122223333 assumed-role/payments-web-role/i-0a1b2c3d4e5f67890 ListBuckets+3 buckets"),
    ("TW-NET-01", "444455556666 sg-0a7b9c1d3e5f24681 tcp/443 0.0.0.0/0 LOW @ 09:35:40"),
    ("TW-NET-01", "444455556666 sg-0c3f5a7b9d1e24680 tcp/22 0.0.0.0/0 CRITICAL @ 10:20:05"),
    ("TW-NET-01", "444455556666 sg-0d4e6f8091a2b3c45 tcp/3389 ::/0 CRITICAL @ 10:47:30"),
    ("TW-CORR-01", "444455556666 sg-0c3f5a7b9d1e24680 tcp/22 -> first public ACCEPT 10:26 (192.0.2.44 -> 10.40.1.25)"),
    ("TW-NETSCAN-02", "444455556666 192.0.2.44 -> 10.40.1.25:22 ACCEPT"),
    ("TW-NETSCAN-01", "444455556666 192.0.2.200 -> 10.40.1.30 ports"),
    ("TW-EXFIL-02", "111122223333 eni-0a1b2c3d4e5f60001 -> 198.51.100.90"),
    ("TW-AUTH-01", "777788889999 198.51.100.23 analyst-mchen (7 failures 10:30:05-10:32:17)"),
    ("TW-AUTH-01", "777788889999 198.51.100.24 6 users (6 failures 10:01:10-10:03:56)"),
    ("TW-AUTH-02", "777788889999 analyst-mchen success @ 10:36:12 from 198.51.100.23"),
    ("TW-IAM-02", "777788889999 user/analyst-mchen no MFA @ 10:36:12"),
    ("TW-RECON-01", "777788889999 assumed-role/etl-runner/ci-1234"),
    ("TW-LOG-01", "777788889999 StopLogging acme-org-trail by user/ops-temp @ 10:50:13"),
    ("TW-DATA-01", "777788889999 acme-analytics-curated PutBucketPolicy @ 10:10:40"),
    ("TW-KMS-01", "111122223333 ScheduleKeyDeletion key/9e3b7a1c-4d2f-4a8b-8c6e-0f5d2b7a9c31 @ 10:44:12"),
    ("TW-IAM-01", "444455556666 root ConsoleLogin @ 09:25:10"),
    ("TW-IAM-03", "777788889999 AttachUserPolicy ops-temp AdministratorAccess HIGH @ 10:44:05"),
    ("TW-IAM-04", "777788889999 CreateAccessKey for ops-temp by user/analyst-mchen @ 10:41:30"),
    ("TW-OWN-01", "210987654321 hour 09"),
    ("TW-CRED-05", "111122223333 assumed-role/payments-web-role/i-0a1b2c3d4e5f67890 from 198.51.100.77 (Kali)"),
    ("TW-CRED-05", "777788889999 user/ops-temp from 198.51.100.23 (Kali)"),
    ("TW-CRED-10", "444455556666 user/build-cache-sync: 10 distinct secrets by 10:52:34"),
    ("TW-DESTROY-19", "444455556666 user/build-cache-sync: 10 snapshots deleted by 10:54:09"),
    ("TW-DESTROY-20", "444455556666 acme-platform-artifacts CopyObject under a key of 999988887777 @ 10:55:02"),
    ("TW-DESTROY-16", "444455556666 user/build-cache-sync acme-platform-artifacts: 50 DeleteObject by 10:57:51"),
    ("TW-DESTROY-08", "444455556666 acme-platform-artifacts README_RECOVER_YOUR_FILES.txt @ 10:58:31"),
}

CRITICAL_PORTS = {22, 3389, 3306, 5432, 1433, 1521, 6379, 9200, 27017}
DENIED = {"AccessDenied", "AccessDeniedException", "Client.UnauthorizedOperation", "UnauthorizedOperation"}
PRIVATE_NETS = [ipaddress.ip_network(n) for n in
                ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
                 "fc00::/7", "fe80::/10", "::1/128")]


class Failures:
    def __init__(self):
        self.items = []

    def check(self, cond, msg):
        if not cond:
            self.items.append(msg)
        return cond


F = Failures()


def parse_time(s):
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def hms(t):
    return t.strftime("%H:%M:%S")


def is_ip(s):
    try:
        ipaddress.ip_address(s)
        return True
    except ValueError:
        return False


def is_public(s):
    if not is_ip(s):
        return False
    a = ipaddress.ip_address(s)
    return not any(a in n for n in PRIVATE_NETS if n.version == a.version)


# ---------------------------------------------------------------------------------------------------
# Reading and format checks
# ---------------------------------------------------------------------------------------------------

CT_NAME = re.compile(r"AWSLogs/o-7k2m9x4q1z/(\d{12})/CloudTrail/eu-west-1/(\d{4})/(\d{2})/(\d{2})/"
                     r"\1_CloudTrail_eu-west-1_(\d{8}T\d{4}Z)_[A-Za-z0-9]{16}\.json\.gz$")
EB_NAME = re.compile(r"eventbridge/(\d{4})/(\d{2})/(\d{2})/(\d{2})/trailwatch-cloudtrail-1-"
                     r"(\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2})-[0-9a-f-]{36}$")
V5_NAME = re.compile(r"AWSLogs/444455556666/vpcflowlogs/eu-west-1/(\d{4})/(\d{2})/(\d{2})/444455556666_vpcflowlogs_"
                     r"eu-west-1_fl-0f1e2d3c4b5a69788_(\d{8}T\d{4}Z)_[0-9a-f]{8}\.log\.gz$")
V2_NAME = re.compile(r"cloudwatch-export/vpc-flow-logs/111122223333/(eni-[0-9a-f]{17})-(\d{8}T\d{4}Z)\.log$")


def read_all():
    records, flows, files = [], [], collections.Counter()
    for path in sorted(p for p in LOGS.rglob("*") if p.is_file()):
        rel = path.relative_to(LOGS).as_posix()
        if m := CT_NAME.search(rel):
            files["cloudtrail"] += 1
            read_cloudtrail_file(path, rel, m, records)
        elif m := EB_NAME.search(rel):
            files["eventbridge"] += 1
            read_eventbridge_file(path, rel, m, records)
        elif m := V5_NAME.search(rel):
            files["flow-v5"] += 1
            read_v5_file(path, rel, m, flows)
        elif m := V2_NAME.search(rel):
            files["flow-v2"] += 1
            read_v2_file(path, rel, m, flows)
        else:
            F.check(False, f"unexpected file {rel}")
    return records, flows, files


def read_cloudtrail_file(path, rel, m, records):
    raw = path.read_bytes()
    F.check(raw[:2] == b"\x1f\x8b", f"{rel}: not gzip")
    F.check(raw[4:8] == b"\0\0\0\0", f"{rel}: gzip mtime is not 0")
    text = gzip.decompress(raw).decode()
    F.check("\n" not in text.strip(), f"{rel}: CloudTrail file is not a single line")
    doc = json.loads(text)
    F.check(list(doc) == ["Records"], f"{rel}: top level is not {{\"Records\": [...]}}")
    acct = m.group(1)
    delivered = dt.datetime.strptime(m.group(5), "%Y%m%dT%H%MZ").replace(tzinfo=UTC)
    start = delivered - dt.timedelta(minutes=5)
    F.check(delivered.minute % 5 == 0, f"{rel}: name time not on a 5-minute boundary")
    F.check(f"{m.group(2)}/{m.group(3)}/{m.group(4)}" == f"{start:%Y/%m/%d}", f"{rel}: date folders")
    times = []
    for rec in doc["Records"]:
        t = parse_time(rec["eventTime"])
        times.append(t)
        F.check(start <= t < delivered, f"{rel}: {rec['eventTime']} outside its period {start:%H:%M}-{delivered:%H:%M}")
        F.check(rec["recipientAccountId"] == acct, f"{rel}: record of {rec['recipientAccountId']} in {acct}'s folder")
        records.append(("s3", rel, rec))
    F.check(times != sorted(times) or len(times) < 4, f"{rel}: records are in time order (CloudTrail's are not)")


def read_eventbridge_file(path, rel, m, records):
    raw = path.read_bytes()
    F.check(raw[:2] != b"\x1f\x8b", f"{rel}: Firehose files here are plain text")
    start = dt.datetime.strptime(m.group(5), "%Y-%m-%d-%H-%M-%S").replace(tzinfo=UTC)
    F.check(start.minute % 5 == 0 and start.second == 0, f"{rel}: name time not on a 5-minute boundary")
    F.check(f"{m.group(1)}/{m.group(2)}/{m.group(3)}/{m.group(4)}" == f"{start:%Y/%m/%d/%H}", f"{rel}: folders")
    for n, line in enumerate(raw.decode().splitlines(), 1):
        env = json.loads(line)
        F.check(list(env) == ["version", "id", "detail-type", "source", "account", "time", "region", "resources",
                              "detail"], f"{rel}:{n} envelope keys {list(env)}")
        rec = env["detail"]
        want = {"AwsApiCall": "AWS API Call via CloudTrail", "AwsConsoleSignIn": "AWS Console Sign In via CloudTrail",
                "AwsServiceEvent": "AWS Service Event via CloudTrail"}[rec["eventType"]]
        F.check(env["detail-type"] == want, f"{rel}:{n} detail-type {env['detail-type']}")
        F.check(env["account"] == rec["recipientAccountId"] == "777788889999", f"{rel}:{n} account")
        F.check(env["time"] == rec["eventTime"] and env["region"] == rec["awsRegion"], f"{rel}:{n} time/region")
        F.check(env["source"].startswith("aws."), f"{rel}:{n} source")
        t = parse_time(rec["eventTime"])
        F.check(start <= t < start + dt.timedelta(minutes=5), f"{rel}:{n} {rec['eventTime']} outside its period")
        records.append(("eventbridge", rel, rec))


def read_v5_file(path, rel, m, flows):
    raw = path.read_bytes()
    F.check(raw[4:8] == b"\0\0\0\0", f"{rel}: gzip mtime is not 0")
    lines = gzip.decompress(raw).decode().split("\n")
    F.check(lines[-1] == "", f"{rel}: no final newline")
    F.check(lines[0] == V5_HEADER, f"{rel}: header line")
    start = dt.datetime.strptime(m.group(4), "%Y%m%dT%H%MZ").replace(tzinfo=UTC)
    for n, line in enumerate(lines[1:-1], 2):
        parts = line.split(" ")
        if not F.check(len(parts) == len(V5_FIELDS), f"{rel}:{n} has {len(parts)} fields"):
            continue
        r = dict(zip(V5_FIELDS, parts))
        F.check(r["version"] == "5" and r["log-status"] == "OK", f"{rel}:{n} version/status")
        F.check(r["flow-direction"] in ("ingress", "egress"), f"{rel}:{n} direction")
        F.check((r["traffic-path"] == "-") == (r["flow-direction"] == "ingress"), f"{rel}:{n} traffic-path")
        check_flow_common(r, rel, n, start)
        r["format"] = "v5"
        flows.append(r)


def read_v2_file(path, rel, m, flows):
    text = path.read_text()
    F.check(text.endswith("\n"), f"{rel}: no final newline")
    start = dt.datetime.strptime(m.group(2), "%Y%m%dT%H%MZ").replace(tzinfo=UTC)
    for n, line in enumerate(text.splitlines(), 1):
        parts = line.split(" ")
        if not F.check(len(parts) == 14, f"{rel}:{n} has {len(parts)} fields"):
            continue
        r = dict(zip(V2_FIELDS, parts))
        F.check(r["version"] == "2" and r["interface-id"] == m.group(1), f"{rel}:{n} version/interface")
        if r["log-status"] in ("NODATA", "SKIPDATA"):
            F.check(parts[3:10] == ["-"] * 7 and r["action"] == "-", f"{rel}:{n} {r['log-status']} shape")
        else:
            F.check(r["log-status"] == "OK", f"{rel}:{n} log-status")
        check_flow_common(r, rel, n, start)
        r["format"] = "v2"
        flows.append(r)


def check_flow_common(r, rel, n, period):
    start, end = int(r["start"]), int(r["end"])
    ts = dt.datetime.fromtimestamp(start, UTC)
    F.check(period <= ts < period + dt.timedelta(minutes=10), f"{rel}:{n} start {ts:%H:%M:%S} outside its period")
    F.check(start <= end <= start + 60 and end < DAY_END.timestamp(), f"{rel}:{n} start/end")
    F.check(period.minute % 10 == 0, f"{rel}: period not on a 10-minute boundary")
    if r["log-status"] == "OK":
        F.check(r["protocol"] in ("1", "6", "17") and r["action"] in ("ACCEPT", "REJECT"), f"{rel}:{n} proto/action")
        F.check(int(r["packets"]) > 0 and int(r["bytes"]) >= 20 * int(r["packets"]), f"{rel}:{n} packets/bytes")


def check_records(records, ownership):
    ids = collections.Counter(rec["eventID"] for _, _, rec in records)
    dups = [i for i, c in ids.items() if c > 1]
    F.check(not dups, f"duplicate eventIDs: {dups[:3]}")
    owned = {row["match"] for row in ownership if re.fullmatch(r"\d{12}", row["match"])}
    arn_acct = re.compile(r"arn:aws:[a-z0-9-]*:[a-z0-9-]*:(\d{12}):")
    for _, rel, rec in records:
        where = f"{rel} {rec['eventName']} {rec['eventTime']}"
        required = {"AwsApiCall": REQUIRED_API, "AwsConsoleSignIn": REQUIRED_SIGNIN,
                    "AwsServiceEvent": REQUIRED_SERVICE}.get(rec.get("eventType"))
        if not F.check(required is not None, f"{where}: eventType {rec.get('eventType')}"):
            continue
        missing = [f for f in required if f not in rec]
        F.check(not missing, f"{where}: missing {missing}")
        F.check(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", rec["eventID"]),
                f"{where}: eventID")
        t = parse_time(rec["eventTime"])
        F.check(DAY_START <= t < DAY_END, f"{where}: outside 09:00-11:00")
        F.check(rec["eventCategory"] in ("Management", "Data"), f"{where}: eventCategory")
        F.check(rec["managementEvent"] == (rec["eventCategory"] == "Management"), f"{where}: managementEvent")
        if rec["eventCategory"] == "Data":
            F.check(rec.get("resources") and "bytesTransferredOut" in rec.get("additionalEventData", {}),
                    f"{where}: data event without resources/bytes")
        if "errorCode" in rec or "errorMessage" in rec:
            F.check(rec["eventName"] == "ConsoleLogin" or ("errorCode" in rec and "errorMessage" in rec),
                    f"{where}: error fields")
        if rec["eventName"] == "ConsoleLogin":
            ok = rec["responseElements"]["ConsoleLogin"]
            F.check((ok == "Failure") == (rec.get("errorMessage") == "Failed authentication"), f"{where}: login")
            F.check(set(rec["additionalEventData"]) >= {"LoginTo", "MobileVersion", "MFAUsed"}, f"{where}: aed")
        ui = rec["userIdentity"]
        if ui.get("type") == "AssumedRole":
            si = ui["sessionContext"]["sessionIssuer"]
            F.check(set(si) == {"type", "principalId", "arn", "accountId", "userName"} and si["type"] == "Role",
                    f"{where}: sessionIssuer")
            F.check(set(ui["sessionContext"]["attributes"]) == {"creationDate", "mfaAuthenticated"},
                    f"{where}: session attributes")
            if "ec2RoleDelivery" in ui["sessionContext"]:
                F.check(re.fullmatch(r"i-[0-9a-f]{17}", ui["arn"].rsplit("/", 1)[1]), f"{where}: instance session")
        text = json.dumps(rec)
        bad_ids = [m for m in re.findall(r"\b(?:i|eni|sg|sgr|vpc|subnet|vpce)-[0-9a-z]+\b", text)
                   if not re.fullmatch(r"[a-z]+-[0-9a-f]{17}", m)]
        F.check(not bad_ids, f"{where}: malformed resource ids {bad_ids}")
        accounts = set(arn_acct.findall(text))
        accounts |= {rec["recipientAccountId"]}
        if "accountId" in ui:
            accounts.add(ui["accountId"])
        stray = accounts - owned - {SANDBOX}
        if rec["eventName"] == "CopyObject" and rec["eventTime"] >= "2026-10-14T10:55":
            stray -= {RANSOM_ACCOUNT}   # scene 12: the attacker's KMS key, named in the request only
        F.check(not stray, f"{where}: foreign account(s) {stray}")
        if SANDBOX in accounts:
            F.check(dt.datetime(2026, 10, 14, 9, 10, tzinfo=UTC) <= t < dt.datetime(2026, 10, 14, 9, 50, tzinfo=UTC),
                    f"{where}: sandbox activity outside 09:10-09:50")


# ---------------------------------------------------------------------------------------------------
# Reference rules (strict: sliding windows, every principal)
# ---------------------------------------------------------------------------------------------------

def principal(rec):
    ui = rec["userIdentity"]
    if ui.get("arn"):
        return ui["arn"]
    if ui.get("type") == "IAMUser":
        return f"arn:aws:iam::{ui['accountId']}:user/{ui['userName']}"
    return f"{ui.get('type', 'service')}:{ui.get('invokedBy', ui.get('accountId'))}"


def short(arn):
    return arn.split(":", 5)[-1]


def sliding(items, window_s):
    """items: sorted (time, payload); yields (time, [payloads within (t-window, t]])."""
    j = 0
    for i, (t, _) in enumerate(items):
        while (t - items[j][0]).total_seconds() >= window_s:
            j += 1
        yield t, [p for _, p in items[j:i + 1]]


def by_key(events, key):
    out = collections.defaultdict(list)
    for t, rec in events:
        k = key(rec)
        if k is not None:
            out[k].append((t, rec))
    return out


def service_linked(rec):
    ui = rec["userIdentity"]
    issuer = ui.get("sessionContext", {}).get("sessionIssuer", {}).get("arn", "")
    return ":role/aws-service-role/" in issuer or "invokedBy" in ui or ui.get("type") == "AWSService"


def trusted_networks(ownership, acct, role_arn):
    nets = []
    for row in ownership:
        if row["match"] in (acct, role_arn) and row["trusted_cidrs"]:
            nets += [ipaddress.ip_network(c) for c in row["trusted_cidrs"].split()]
    return nets


def run_rules(records, flows, ownership):
    alerts, notes = set(), []
    events = sorted(((parse_time(r["eventTime"]), r) for _, _, r in records), key=lambda x: x[0])
    ok = [(t, r) for t, r in events if "errorCode" not in r and r["eventName"] != "ConsoleLogin"]

    # TW-RECON-01
    for p, evs in by_key([(t, r) for t, r in events if r.get("errorCode") in DENIED], principal).items():
        peak = max(len(w) for _, w in sliding(evs, 300))
        if peak >= 10:
            alerts.add(("TW-RECON-01", f"{evs[0][1]['recipientAccountId']} {short(p)}"))
        notes.append(f"RECON-01 {short(p)}: {len(evs)} denied, peak {peak}/5min")

    # TW-RECON-02 (all read-only calls, failed ones too; service-linked roles and services excluded)
    for p, evs in by_key([(t, r) for t, r in events if r["readOnly"] is True and r["eventType"] == "AwsApiCall"],
                         principal).items():
        best, first = (0, 0, None), None
        for t, w in sliding(evs, 300):
            apis = {(r["eventSource"], r["eventName"]) for r in w}
            svcs = {r["eventSource"] for r in w}
            if (len(apis), len(svcs)) > best[:2]:
                best = (len(apis), len(svcs), t)
            if first is None and len(apis) >= 20 and len(svcs) >= 5:
                first = t
        if best[0] >= 20 and best[1] >= 5:
            if service_linked(evs[0][1]):
                notes.append(f"RECON-02 near-miss {short(p)}: {best[0]} APIs / {best[1]} services (service-linked)")
            else:
                alerts.add(("TW-RECON-02", f"{evs[0][1]['recipientAccountId']} {short(p)} (threshold reached {hms(first)})"))
        if best[0] >= 8:
            notes.append(f"RECON-02 {short(p)}: peak {best[0]} APIs / {best[1]} services in 5 min")
    # the attack also reaches 20 successful APIs on its own
    attacker = "arn:aws:sts::111122223333:assumed-role/payments-web-role/i-0a1b2c3d4e5f67890"
    succ = [(t, r) for t, r in ok if principal(r) == attacker and r["readOnly"] is True and r["sourceIPAddress"] == "198.51.100.77"]
    best = max(len({(r["eventSource"], r["eventName"]) for r in w}) for _, w in sliding(succ, 300))
    F.check(best >= 20, f"attacker reaches only {best} successful distinct read-only APIs")
    notes.append(f"RECON-02 attacker successful-only: {best} APIs")

    # TW-EXFIL-01
    gets = [(t, r) for t, r in ok if r["eventName"] == "GetObject"]
    for p, evs in by_key(gets, principal).items():
        peak_n = max(len(w) for _, w in sliding(evs, 600))
        peak_b = max(sum(r["additionalEventData"]["bytesTransferredOut"] for r in w) for _, w in sliding(evs, 600))
        acct = evs[0][1]["recipientAccountId"]
        if peak_n >= 100 or peak_b >= GIB:
            alerts.add(("TW-EXFIL-01", f"{acct} {short(p)} objects>=100"))
        notes.append(f"EXFIL-01 {short(p)}: peak {peak_n} objects / {peak_b / 1e6:.0f} MB per 10 min")
        for tl, lb in ok:
            if lb["eventName"] == "ListBuckets" and principal(lb) == p:
                buckets = {r["requestParameters"]["bucketName"] for t, r in evs if tl <= t <= tl + dt.timedelta(hours=1)}
                if len(buckets) >= 3:
                    alerts.add(("TW-EXFIL-01", f"{acct} {short(p)} ListBuckets+3 buckets"))
    listers = {principal(r) for t, r in ok if r["eventName"] == "ListBuckets"}
    notes.append(f"EXFIL-01 principals calling ListBuckets: {sorted(short(p) for p in listers)}")

    # TW-CRED-01
    for t, r in events:
        ui = r["userIdentity"]
        if ui.get("type") != "AssumedRole":
            continue
        session = ui["arn"].rsplit("/", 1)[1]
        if "ec2RoleDelivery" not in ui["sessionContext"] and not re.fullmatch(r"i-[0-9a-f]{8,17}", session):
            continue
        ip = r["sourceIPAddress"]
        if not is_public(ip):
            continue
        role_arn = ui["sessionContext"]["sessionIssuer"]["arn"]
        nets = trusted_networks(ownership, r["recipientAccountId"], role_arn)
        role_nets = trusted_networks([row for row in ownership if row["match"] == role_arn], None, role_arn)
        addr = ipaddress.ip_address(ip)
        if any(addr in n for n in nets) and (not role_nets or any(addr in n for n in role_nets)):
            continue
        key = ("TW-CRED-01", f"{r['recipientAccountId']} {short(ui['arn'])} from {ip}")
        if not any(a[1].startswith(key[1]) for a in alerts if a[0] == "TW-CRED-01"):
            alerts.add((key[0], f"{key[1]} (first {hms(t)})"))

    # TW-AUTH-01 / TW-AUTH-02 / TW-IAM-02. A burst is a set of failed sign-ins that meets one of the
    # conditions (>= 5 for one user, >= 5 from one address, >= 5 users from one address, in 5 min);
    # windows sharing failures are one burst (one alert), whichever conditions it meets.
    logins = [(t, r) for t, r in events if r["eventName"] == "ConsoleLogin"]
    fails = [(t, r) for t, r in logins if r["responseElements"]["ConsoleLogin"] == "Failure"]
    windows = []
    for key in (lambda r: ("user", r["userIdentity"].get("userName")), lambda r: ("ip", r["sourceIPAddress"])):
        for k, evs in by_key(fails, key).items():
            for t, w in sliding(evs, 300):
                users = {r["userIdentity"].get("userName") for r in w}
                if len(w) >= 5 or (k[0] == "ip" and len(users) >= 5):
                    windows.append({r["eventID"]: r for r in w})
    bursts = []
    for w in windows:
        for b in bursts:
            if b.keys() & w.keys():
                b.update(w)
                break
        else:
            bursts.append(dict(w))
    burst_info = []
    for b in bursts:
        recs = sorted(b.values(), key=lambda r: r["eventTime"])
        ips = sorted({r["sourceIPAddress"] for r in recs})
        users = sorted({r["userIdentity"].get("userName") for r in recs})
        who = users[0] if len(users) == 1 else f"{len(users)} users"
        alerts.add(("TW-AUTH-01", f"{recs[0]['recipientAccountId']} {' '.join(ips)} {who} ({len(recs)} failures "
                                  f"{recs[0]['eventTime'][11:19]}-{recs[-1]['eventTime'][11:19]})"))
        burst_info.append((set(ips), set(users), parse_time(recs[-1]["eventTime"])))
    for t, r in logins:
        if r["responseElements"]["ConsoleLogin"] != "Success":
            continue
        ui = r["userIdentity"]
        for ips, users, last in burst_info:
            if (ui.get("userName") in users or r["sourceIPAddress"] in ips) and last <= t <= last + dt.timedelta(minutes=15):
                alerts.add(("TW-AUTH-02", f"{r['recipientAccountId']} {ui.get('userName')} success @ {hms(t)} "
                                          f"from {r['sourceIPAddress']}"))
        if ui["type"] == "IAMUser" and r["additionalEventData"]["MFAUsed"] == "No":
            alerts.add(("TW-IAM-02", f"{r['recipientAccountId']} user/{ui['userName']} no MFA @ {hms(t)}"))

    # TW-IAM-01
    for t, r in events:
        ui = r["userIdentity"]
        if ui.get("type") == "Root" and "invokedBy" not in ui and r["eventType"] != "AwsServiceEvent":
            alerts.add(("TW-IAM-01", f"{r['recipientAccountId']} root {r['eventName']} @ {hms(t)}"))

    # IAM changes: TW-IAM-03 / TW-IAM-04, and nothing else may change IAM
    policy_change = re.compile(r"(Attach|Detach|Put|Delete)(User|Role|Group)Policy|(Create|Delete)Policy(Version)?|"
                               r"SetDefaultPolicyVersion|UpdateAssumeRolePolicy|Put(User|Role)PermissionsBoundary")
    iam_writes = [(t, r) for t, r in ok if r["eventSource"] == "iam.amazonaws.com" and not r["readOnly"]]
    F.check(sorted(r["eventName"] for _, r in iam_writes) == ["AttachUserPolicy", "CreateAccessKey"],
            f"unexpected IAM writes: {[r['eventName'] for _, r in iam_writes]}")
    for t, r in iam_writes:
        rp = r["requestParameters"] or {}
        who = principal(r)
        if policy_change.fullmatch(r["eventName"]):
            sev = "HIGH" if rp.get("policyArn", "").endswith("/AdministratorAccess") else "MEDIUM"
            alerts.add(("TW-IAM-03", f"{r['recipientAccountId']} {r['eventName']} {rp.get('userName')} "
                                     f"{rp.get('policyArn', '').rsplit('/', 1)[-1]} {sev} @ {hms(t)}"))
        if r["eventName"] == "CreateAccessKey" and (rp.get("userName") not in (None, r["userIdentity"].get("userName"))):
            alerts.add(("TW-IAM-04", f"{r['recipientAccountId']} CreateAccessKey for {rp['userName']} by {short(who)} "
                                     f"@ {hms(t)}"))

    # TW-NET-01, TW-NET-06, TW-CMP-01, TW-LOG-01, TW-DATA-01, TW-KMS-01
    openings = []
    for t, r in ok:
        name, rp = r["eventName"], r["requestParameters"] or {}
        if name in ("AuthorizeSecurityGroupIngress", "ModifySecurityGroupRules", "CreateSecurityGroup",
                    "RevokeSecurityGroupIngress", "AuthorizeSecurityGroupEgress"):
            for perm in rp.get("ipPermissions", {}).get("items", []):
                cidrs = [x["cidrIp"] for x in perm.get("ipRanges", {}).get("items", [])]
                cidrs += [x["cidrIpv6"] for x in perm.get("ipv6Ranges", {}).get("items", [])]
                for c in cidrs:
                    if c in ("0.0.0.0/0", "::/0"):
                        lo, hi = perm["fromPort"], perm["toPort"]
                        sev = "CRITICAL" if any(lo <= p <= hi for p in CRITICAL_PORTS) else "LOW"
                        alerts.add(("TW-NET-01", f"{r['recipientAccountId']} {rp['groupId']} {perm['ipProtocol']}/"
                                                 f"{lo if lo == hi else f'{lo}-{hi}'} {c} {sev} @ {hms(t)}"))
                        openings.append((t, r["recipientAccountId"], rp["groupId"], lo, hi, sev))
        if r["eventSource"].startswith(("wafv2.", "waf.", "waf-regional.")) and not r["readOnly"]:
            alerts.add(("TW-NET-06", f"{r['recipientAccountId']} {name} {rp.get('name')} by {short(principal(r))} "
                                     f"@ {hms(t)}"))
        if name == "ModifyInstanceMetadataOptions":
            req = rp.get("ModifyInstanceMetadataOptionsRequest", {})
            if req.get("HttpTokens") == "optional":
                alerts.add(("TW-CMP-01", f"{r['recipientAccountId']} {req['InstanceId']} HttpTokens=optional by "
                                         f"{short(principal(r))} @ {hms(t)}"))
        F.check(name != "RunInstances", "background must not launch instances (IMDS defaults)")
        if name in ("StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors"):
            alerts.add(("TW-LOG-01", f"{r['recipientAccountId']} {name} {rp['name'].rsplit('/', 1)[-1]} by "
                                     f"{short(principal(r))} @ {hms(t)}"))
        if name == "PutBucketPolicy":
            for st in rp["bucketPolicy"]["Statement"]:
                if st["Effect"] == "Allow" and st["Principal"] in ("*", {"AWS": "*"}) and "Condition" not in st:
                    alerts.add(("TW-DATA-01", f"{r['recipientAccountId']} {rp['bucketName']} {name} @ {hms(t)}"))
        if name == "PutPublicAccessBlock":
            cfg = rp["PublicAccessBlockConfiguration"]
            if not all(cfg[k] for k in ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")):
                alerts.add(("TW-DATA-01", f"{r['recipientAccountId']} {rp['bucketName']} {name} @ {hms(t)}"))
        if name in ("PutBucketAcl", "DeletePublicAccessBlock", "DeleteAccountPublicAccessBlock"):
            alerts.add(("TW-DATA-01", f"{r['recipientAccountId']} {rp.get('bucketName')} {name} @ {hms(t)}"))
        if name in ("DisableKey", "ScheduleKeyDeletion"):
            alerts.add(("TW-KMS-01", f"{r['recipientAccountId']} {name} key/{rp['keyId']} @ {hms(t)}"))

    # TW-OWN-01
    owned = {row["match"] for row in ownership}
    for t, r in events:
        if r["recipientAccountId"] not in owned:
            alerts.add(("TW-OWN-01", f"{r['recipientAccountId']} hour {t:%H}"))
    for f in flows:
        if f["account-id"] not in owned:
            alerts.add(("TW-OWN-01", f"{f['account-id']} hour {dt.datetime.fromtimestamp(int(f['start']), UTC):%H}"))

    # Flow rules
    data = [f for f in flows if f["log-status"] == "OK"]
    for f in data:
        f["t"] = dt.datetime.fromtimestamp(int(f["start"]), UTC)
    data.sort(key=lambda f: f["t"])

    # TW-NETSCAN-01: >= 25 ports of one host, or >= 25 hosts on one port, from one source, in 1 min
    for (src, dst), evs in by_key([(f["t"], f) for f in data], lambda f: (f["srcaddr"], f["dstaddr"])).items():
        peak = max(len({f["dstport"] for f in w}) for _, w in sliding(evs, 60))
        if peak >= 25:
            alerts.add(("TW-NETSCAN-01", f"{evs[0][1]['account-id']} {src} -> {dst} ports"))
        elif peak >= 8:
            notes.append(f"NETSCAN-01 {src} -> {dst}: peak {peak} ports/min")
    for (src, port), evs in by_key([(f["t"], f) for f in data], lambda f: (f["srcaddr"], f["dstport"])).items():
        peak = max(len({f["dstaddr"] for f in w}) for _, w in sliding(evs, 60))
        if peak >= 25:
            alerts.add(("TW-NETSCAN-01", f"{evs[0][1]['account-id']} {src} -> *:{port} hosts"))

    # TW-NETSCAN-02: >= 30 connections from one public address to 22/3389 of one host in 5 min
    remote = [(f["t"], f) for f in data if f["dstport"] in ("22", "3389") and is_public(f["srcaddr"])]
    for (src, dst, port), evs in by_key(remote, lambda f: (f["srcaddr"], f["dstaddr"], f["dstport"])).items():
        peak = max(len({f["srcport"] for f in w}) for _, w in sliding(evs, 300))
        acc = any(f["action"] == "ACCEPT" for _, f in evs)
        if peak >= 30:
            alerts.add(("TW-NETSCAN-02", f"{evs[0][1]['account-id']} {src} -> {dst}:{port} "
                                         f"{'ACCEPT' if acc else 'REJECT'}"))
        notes.append(f"NETSCAN-02 {src} -> {dst}:{port}: peak {peak} connections / 5 min")

    # TW-EXFIL-02: >= 1 GiB from one interface to one public address in 10 min
    out = [(f["t"], f) for f in data if not is_public(f["srcaddr"]) and is_public(f["dstaddr"])]
    for (eni, dst), evs in by_key(out, lambda f: (f["interface-id"], f["dstaddr"])).items():
        peak = max(sum(int(f["bytes"]) for f in w) for _, w in sliding(evs, 600))
        if peak >= GIB:
            alerts.add(("TW-EXFIL-02", f"{evs[0][1]['account-id']} {eni} -> {dst}"))
            notes.append(f"EXFIL-02 {eni} -> {dst}: {peak / GIB:.2f} GiB in 10 min")
        elif peak >= 50e6:
            notes.append(f"EXFIL-02 {eni} -> {dst}: peak {peak / 1e6:.0f} MB in 10 min (below)")
    inside = [(f["t"], f) for f in data if f["interface-id"] == "eni-0a1b2c3d4e5f60001" and f["dstaddr"] == "10.20.8.40"]
    notes.append(f"EXFIL-02 near-miss to 10.20.8.40: {sum(int(f['bytes']) for _, f in inside) / GIB:.2f} GiB (private)")

    # TW-CORR-01: a world-open SG port, then an inbound ACCEPT from a public address on it within 30 min.
    # Correlated for the sensitive ports (the CRITICAL openings); the 443 opening is reported as a note.
    inbound = [f for f in data if f["action"] == "ACCEPT" and is_public(f["srcaddr"]) and
               f.get("flow-direction", "ingress") == "ingress" and not is_public(f["dstaddr"])]
    for t, acct, group, lo, hi, sev in openings:
        hits = [f for f in inbound if f["account-id"] == acct and lo <= int(f["dstport"]) <= hi and
                t <= f["t"] <= t + dt.timedelta(minutes=30)]
        if hits and sev == "CRITICAL":
            h = hits[0]
            alerts.add(("TW-CORR-01", f"{acct} {group} tcp/{lo} -> first public ACCEPT {h['t']:%H:%M} "
                                      f"({h['srcaddr']} -> {h['dstaddr']})"))
        notes.append(f"CORR-01 {group} tcp/{lo} ({sev}): {len(hits)} public inbound ACCEPTs within 30 min")
    # TW-CRED-05: calls from a penetration-testing distribution, one alert per principal and address
    kali = re.compile(r"(linux[/#]\S*(kali|parrot|pentoo)|distrib#(kali|parrot|pentoo)\b|exe/\S*\.(kali|parrot|pentoo)\.)", re.I)
    for (p, ip), evs in by_key([(t, r) for t, r in events if kali.search(r.get("userAgent", ""))],
                               lambda r: (principal(r), r["sourceIPAddress"])).items():
        alerts.add(("TW-CRED-05", f"{evs[0][1]['recipientAccountId']} {short(p)} from {ip} (Kali)"))
        notes.append(f"CRED-05 {short(p)} from {ip}: {len(evs)} calls")

    # TW-CRED-10: >= 10 distinct secrets read by one principal in 10 min (services on its behalf excluded)
    reads = [(t, r) for t, r in ok if r["eventName"] == "GetSecretValue" and "invokedBy" not in r["userIdentity"]]
    for p, evs in by_key(reads, principal).items():
        first, peak = None, 0
        for t, w in sliding(evs, 600):
            n = len({r["requestParameters"]["secretId"] for r in w})
            peak = max(peak, n)
            if first is None and n >= 10:
                first = t
        if first:
            alerts.add(("TW-CRED-10", f"{evs[0][1]['recipientAccountId']} {short(p)}: 10 distinct secrets by {hms(first)}"))
        notes.append(f"CRED-10 {short(p)}: peak {peak} distinct secrets / 10 min")

    # TW-DESTROY-19: >= 10 snapshots or images deleted by one principal in 10 min (lifecycle services excluded)
    gone = [(t, r) for t, r in ok if r["eventName"] in ("DeleteSnapshot", "DeregisterImage")]
    for p, evs in by_key(gone, principal).items():
        first, peak = None, 0
        for t, w in sliding(evs, 600):
            n = len({r["requestParameters"].get("snapshotId") or r["requestParameters"].get("imageId") for r in w})
            peak = max(peak, n)
            if first is None and n >= 10:
                first = t
        lifecycle = evs[0][1]["userIdentity"].get("invokedBy") in ("dlm.amazonaws.com", "backup.amazonaws.com")
        if first and not lifecycle:
            alerts.add(("TW-DESTROY-19", f"{evs[0][1]['recipientAccountId']} {short(p)}: 10 snapshots deleted by {hms(first)}"))
        notes.append(f"DESTROY-19 {short(p)}: peak {peak} snapshots / 10 min{' (lifecycle service)' if lifecycle else ''}")

    # TW-DESTROY-20: objects written under a KMS key of another account than the bucket's (first per bucket)
    foreign = {}
    for t, r in ok:
        key = (r.get("requestParameters") or {}).get("x-amz-server-side-encryption-aws-kms-key-id", "")
        if r["eventSource"] == "s3.amazonaws.com" and key.startswith("arn:"):
            bucket_acct = next((x["accountId"] for x in r.get("resources", []) if x.get("type") == "AWS::S3::Bucket"),
                               r["recipientAccountId"])
            if key.split(":")[4] != bucket_acct:
                foreign.setdefault(r["requestParameters"]["bucketName"], []).append((t, r, key.split(":")[4]))
    for bucket, hits in foreign.items():
        t, r, acct = hits[0]
        alerts.add(("TW-DESTROY-20", f"{r['recipientAccountId']} {bucket} {r['eventName']} under a key of {acct} @ {hms(t)}"))
        notes.append(f"DESTROY-20 {bucket}: {len(hits)} objects under a key of {acct}")

    # TW-DESTROY-16: >= 50 DeleteObject by one principal in one bucket in 10 min
    deletes = [(t, r) for t, r in ok if r["eventName"] == "DeleteObject"]
    for (p, bucket), evs in by_key(deletes, lambda r: (principal(r), r["requestParameters"]["bucketName"])).items():
        first, peak = None, 0
        for t, w in sliding(evs, 600):
            peak = max(peak, len(w))
            if first is None and len(w) >= 50:
                first = t
        if first:
            alerts.add(("TW-DESTROY-16", f"{evs[0][1]['recipientAccountId']} {short(p)} {bucket}: 50 DeleteObject by {hms(first)}"))
        notes.append(f"DESTROY-16 {short(p)} {bucket}: peak {peak} deletes / 10 min")
    # TW-DESTROY-08: an object whose name reads like a ransom note
    note = re.compile(r"(^|/)[^/]*(decrypt|ransom|how[-_. ]*to[-_. ]*(recover|restore|unlock)|"
                      r"(recover|restore|unlock)[-_. ]*((your|my|all)[-_. ]*)?files)[^/]*\.(txt|html?|hta)$", re.I)
    for t, r in ok:
        if r["eventName"] == "PutObject" and note.search(r["requestParameters"]["key"]):
            alerts.add(("TW-DESTROY-08", f"{r['recipientAccountId']} {r['requestParameters']['bucketName']} "
                                         f"{r['requestParameters']['key']} @ {hms(t)}"))
    return alerts, notes


# ---------------------------------------------------------------------------------------------------

def main():
    ownership_text = (SAMPLE / "ownership.csv").read_text()
    F.check(ownership_text == OWNERSHIP_CSV, "ownership.csv differs from the agreed table")
    ownership = list(csv.DictReader(ownership_text.splitlines()))
    records, flows, files = read_all()
    check_records(records, ownership)
    owned = {row["match"] for row in ownership if re.fullmatch(r"\d{12}", row["match"])}
    for f in flows:
        F.check(f["account-id"] in owned, f"flow of foreign account {f['account-id']}")
    alerts, notes = run_rules(records, flows, ownership)

    kinds = collections.Counter()
    for via, _, rec in records:
        kinds[f"{via}:{rec['eventType']}"] += 1
        if rec["eventCategory"] == "Data":
            kinds[f"{via}:data-events"] += 1
    per_account = collections.Counter(rec["recipientAccountId"] for _, _, rec in records)
    flow_kinds = collections.Counter(f"{f['format']}:{f['log-status']}" for f in flows)
    size = sum(p.stat().st_size for p in SAMPLE.rglob("*") if p.is_file())

    print(f"files: {dict(files)}; total size of sample-logs/: {size / 1e6:.2f} MB")
    print(f"CloudTrail records: {len(records)} {dict(sorted(kinds.items()))}")
    print(f"  per account: {dict(sorted(per_account.items()))}")
    print(f"flow lines: {len(flows)} {dict(sorted(flow_kinds.items()))}")
    print("scene counts and near-misses:")
    for n in notes:
        print("  " + n)
    print("alerts of the reference rules:")
    for rule, key in sorted(alerts):
        print(f"  {rule:14} {key}")
    missing = EXPECTED - alerts
    extra = alerts - EXPECTED
    F.check(not missing, f"expected alerts not raised: {sorted(missing)}")
    F.check(not extra, f"unexpected alerts: {sorted(extra)}")
    F.check(size < 2_000_000, f"sample-logs/ is {size} bytes")
    if F.items:
        print(f"\nFAILED ({len(F.items)}):")
        for msg in F.items[:60]:
            print("  " + msg)
        return 1
    print(f"\nOK: {len(alerts)} alerts, exactly the expected ones.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
