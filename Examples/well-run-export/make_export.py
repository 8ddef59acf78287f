#!/usr/bin/env python3
"""Writes this folder's export files: a well-run organization as scripts/export-aws.sh would export it.

Every file has the exact shape the AWS CLI prints (json.dumps(indent=4), as the CLI does) for the command that
scripts/export-aws.sh runs; the Organizations shapes follow what the script exported from moto_server for
Tests/AWSImportTests/Fixtures/export-full, the others the AWS API references (ListOrganizationsFeatures, the IAM
credential report, ListVirtualMFADevices, GetLoginProfile's NoSuchEntity text, GetUser, ListAccessKeys,
ListSigningCertificates, ListMFADevices, GetAccountSummary, GetAlternateContact and GetContactInformation, the
AssumeRoot CloudTrail record). moto implements none of the root-access parts (see Docs/import.md), so they are
written here.

The organization: centralized root access (both features) with trusted access and an IAM delegated administrator
(security), an SCP that denies the root user except in AssumeRoot sessions attached to Root, a security contact on
every account; every member root user without any credential, audited by the script's own IAMAuditRootUserCredentials
sessions; the management root with a password and two FIDO security keys (the credential report: mfa_active TRUE,
and no virtual device assigned to the root). Run from this folder: python3 make_export.py
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ORG = "o-w3llrun7k2"
ROOT_ID = "r-w3ll"
MGMT = "111111111111"
EXPORTED = "2026-11-25T06:00:00Z"
ACCOUNTS = [  # id, name, OU id (None: under Root)
    (MGMT, "management", None),
    ("222222222222", "security", "ou-w3ll-security"),
    ("333333333333", "prod", "ou-w3ll-prod0001"),
    ("444444444444", "sandbox", "ou-w3ll-sandbox1"),
]
OUS = {  # parent → [(id, name)]
    ROOT_ID: [("ou-w3ll-security", "Security"), ("ou-w3ll-workload", "Workloads"), ("ou-w3ll-sandbox1", "Sandbox")],
    "ou-w3ll-workload": [("ou-w3ll-prod0001", "Prod")],
    "ou-w3ll-security": [], "ou-w3ll-prod0001": [], "ou-w3ll-sandbox1": [],
}


def write(path, value):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(value if isinstance(value, str) else json.dumps(value, indent=4, ensure_ascii=False) + "\n")


def arn(kind, rest):
    return f"arn:aws:organizations::{MGMT}:{kind}/{ORG}/{rest}"


write("exported-at.txt", EXPORTED + "\n")
write("organizations/describe-organization.json", {"Organization": {
    "Id": ORG, "Arn": f"arn:aws:organizations::{MGMT}:organization/{ORG}", "FeatureSet": "ALL",
    "MasterAccountArn": arn("account", MGMT), "MasterAccountId": MGMT, "MasterAccountEmail": "aws+management@example.com",
    "AvailablePolicyTypes": [{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}]}})
write("organizations/list-roots.json", {"Roots": [{
    "Id": ROOT_ID, "Arn": f"arn:aws:organizations::{MGMT}:root/{ORG}/{ROOT_ID}", "Name": "Root",
    "PolicyTypes": [{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}]}]})
write("organizations/list-accounts.json", {"Accounts": [{
    "Id": id, "Arn": arn("account", id), "Email": f"aws+{name}@example.com", "Name": name, "Status": "ACTIVE",
    "State": "ACTIVE", "JoinedMethod": "CREATED" if id != MGMT else "INVITED",
    "JoinedTimestamp": "2025-01-06T09:00:00.000000+00:00"} for id, name, _ in ACCOUNTS]})
write("organizations/list-aws-service-access-for-organization.json", {"EnabledServicePrincipals": [
    {"ServicePrincipal": "iam.amazonaws.com", "DateEnabled": "2025-01-10T09:00:00.123000+00:00"},
    {"ServicePrincipal": "sso.amazonaws.com", "DateEnabled": "2025-01-06T09:30:00.000000+00:00"},
]})
write("organizations/list-delegated-administrators.json", {"DelegatedAdministrators": [{
    "Id": "222222222222", "Arn": arn("account", "222222222222"), "Email": "aws+security@example.com",
    "Name": "security", "Status": "ACTIVE", "State": "ACTIVE", "JoinedMethod": "CREATED",
    "JoinedTimestamp": "2025-01-06T09:00:00.000000+00:00", "DelegationEnabledDate": "2025-01-10T09:05:00.000000+00:00"}]})
for parent, children in OUS.items():
    write(f"organizations/ous/{parent}.json", {"OrganizationalUnits": [
        {"Id": id, "Arn": arn("ou", id), "Name": name} for id, name in children]})
for id, _, ou in ACCOUNTS:
    write(f"organizations/parents/{id}.json", {"Parents": [
        {"Id": ou, "Type": "ORGANIZATIONAL_UNIT"} if ou else {"Id": ROOT_ID, "Type": "ROOT"}]})

# Service control policies: AWS's FullAWSAccess and a root deny with the AssumeRoot exemption, both on Root.
deny_root = {"Version": "2012-10-17", "Statement": [{
    "Sid": "DenyRootUserExceptPrivilegedTasks", "Effect": "Deny", "Action": "*", "Resource": "*",
    "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:*:iam::*:root"}, "Null": {"aws:AssumedRoot": "true"}}}]}
full_access = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
policies = [
    ("p-FullAWSAccess", "FullAWSAccess", "Allows access to every operation", True, full_access),
    ("p-w3lldenyrt", "deny-root-user", "Deny the root user except in AssumeRoot sessions", False, deny_root),
]
summaries = []
for id, name, description, managed, content in policies:
    summary = {"Id": id, "Arn": f"arn:aws:organizations::aws:policy/service_control_policy/{id}" if managed
               else arn("policy", f"service_control_policy/{id}"), "Name": name, "Description": description,
               "Type": "SERVICE_CONTROL_POLICY", "AwsManaged": managed}
    summaries.append(summary)
    write(f"organizations/policies/{id}.json", {"Policy": {
        "PolicySummary": summary, "Content": json.dumps(content, separators=(",", ":"))}})
    write(f"organizations/policies/{id}.targets.json", {"Targets": [{
        "TargetId": ROOT_ID, "Arn": f"arn:aws:organizations::{MGMT}:root/{ORG}/{ROOT_ID}", "Name": "Root",
        "Type": "ROOT"}]})
write("organizations/policies/list-policies.json", {"Policies": summaries})
write("organizations/policies/list-resource-control-policies.json", {"Policies": []})

write("iam/list-organizations-features.json", {
    "OrganizationId": ORG, "EnabledFeatures": ["RootCredentialsManagement", "RootSessions"]})
# The management root: a password last used in May, no keys or certificates, MFA active with no virtual device of
# the root (its two devices are FIDO security keys, which the report cannot show).
header = ("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
          "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
          "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
          "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
          "cert_1_last_rotated,cert_2_active,cert_2_last_rotated")
root_row = (f"<root_account>,arn:aws:iam::{MGMT}:root,2025-01-06T09:00:00+00:00,not_supported,"
            "2026-05-04T08:12:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,"
            "false,N/A,false,N/A")
user_row = (f"break-glass-auditor,arn:aws:iam::{MGMT}:user/break-glass-auditor,2025-02-01T00:00:00+00:00,false,N/A,"
            "N/A,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A")
write("iam/credential-report.csv", "\n".join([header, root_row, user_row]) + "\n")
write("iam/list-virtual-mfa-devices.json", {"VirtualMFADevices": [{
    "SerialNumber": f"arn:aws:iam::{MGMT}:mfa/break-glass-auditor",
    "User": {"Path": "/", "UserName": "break-glass-auditor", "UserId": "AIDAEXAMPLEWELLRUN01",
             "Arn": f"arn:aws:iam::{MGMT}:user/break-glass-auditor", "CreateDate": "2025-02-01T00:00:00+00:00"},
    "EnableDate": "2025-02-01T00:05:00+00:00"}]})

NOT_SET = ("\nAn error occurred (ResourceNotFoundException) when calling the GetAlternateContact operation: No "
           "contact of the inputted alternate contact type found.\n")
NO_PROFILE = ("\nAn error occurred (NoSuchEntity) when calling the GetLoginProfile operation: Login Profile for User "
              "root cannot be found.\n")
tasks = []
for index, (id, name, _) in enumerate(ACCOUNTS):
    d = f"accounts/{id}"
    write(f"{d}/alternate-contact-SECURITY.json", {"AlternateContact": {
        "AlternateContactType": "SECURITY", "EmailAddress": "security@example.com", "Name": "Security Team",
        "PhoneNumber": "+1 555 0100", "Title": "Security Operations"}})
    write(f"{d}/alternate-contact-OPERATIONS.error.json", NOT_SET)
    write(f"{d}/alternate-contact-BILLING.error.json", NOT_SET)
    write(f"{d}/contact-information.json", {"ContactInformation": {
        "AddressLine1": "100 Main Street", "City": "Springfield", "CompanyName": "Example Corp", "CountryCode": "US",
        "FullName": "Example Corp Cloud Team", "PhoneNumber": "+1 555 0100", "PostalCode": "12345",
        "StateOrRegion": "IL"}})
    if id == MGMT:
        continue
    # The audit: the script writes audit-started-at.txt, opens the session and makes the calls.
    started = f"2026-11-25T05:5{index}:00Z"
    write(f"{d}/audit-started-at.txt", started + "\n")
    write(f"{d}/get-login-profile.error.json", NO_PROFILE)
    write(f"{d}/get-user.json", {"User": {
        "UserId": id, "Arn": f"arn:aws:iam::{id}:root", "CreateDate": "2025-01-06T09:00:00+00:00"}})
    write(f"{d}/list-access-keys.json", {"AccessKeyMetadata": []})
    write(f"{d}/list-signing-certificates.json", {"Certificates": []})
    write(f"{d}/list-mfa-devices.json", {"MFADevices": []})
    write(f"{d}/get-account-summary.json", {"SummaryMap": {
        "AccountMFAEnabled": 0, "AccountAccessKeysPresent": 0, "AccountSigningCertificatesPresent": 0,
        "Users": 0, "Groups": 0, "Roles": 4, "Policies": 0, "MFADevices": 0, "MFADevicesInUse": 0}})
    tasks.append((f"6f1d3c2a-0000-4000-8000-00000000000{index}", started, id))


def assume_root(event_id, time, target):
    return {
        "eventVersion": "1.09",
        "userIdentity": {
            "type": "AssumedRole", "principalId": "AROAEXAMPLEOBSERVER1:github-actions",
            "arn": f"arn:aws:sts::{MGMT}:assumed-role/orglint-observer/github-actions", "accountId": MGMT,
            "accessKeyId": "ASIAEXAMPLEOBSERVER1",
            "sessionContext": {
                "sessionIssuer": {"type": "Role", "principalId": "AROAEXAMPLEOBSERVER1",
                                  "arn": f"arn:aws:iam::{MGMT}:role/orglint-observer", "accountId": MGMT,
                                  "userName": "orglint-observer"},
                "attributes": {"creationDate": "2026-11-25T05:49:00Z", "mfaAuthenticated": "false"}}},
        "eventTime": time, "eventSource": "sts.amazonaws.com", "eventName": "AssumeRoot", "awsRegion": "us-east-1",
        "sourceIPAddress": "192.0.2.10", "userAgent": "aws-cli/2.22.0 md/awscrt#0.22.0 ua/2.0 os/linux#6.1",
        "requestParameters": {
            "targetPrincipal": target, "durationSeconds": 900,
            "taskPolicyArn": {"arn": "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials"}},
        "responseElements": {"credentials": {"accessKeyId": "ASIAEXAMPLEROOTSESS1", "sessionToken": "IQoJEXAMPLE",
                                             "expiration": "Nov 25, 2026, 6:05:00 AM"}},
        "requestID": f"req-{event_id}", "eventID": event_id, "readOnly": False, "eventType": "AwsApiCall",
        "managementEvent": True, "recipientAccountId": MGMT, "eventCategory": "Management",
    }


records = [assume_root(*task) for task in tasks]
# The organization trail's file (kept by the script because it holds AssumeRoot records) and the lookup-events page.
write(f"cloudtrail/{MGMT}_CloudTrail_us-east-1_20261125T0600Z_wellrun.json",
      json.dumps({"Records": records}, separators=(",", ":")) + "\n")
write("cloudtrail/lookup-events-assumeroot.json", {"Events": [{
    "EventId": r["eventID"], "EventName": "AssumeRoot", "ReadOnly": "false", "AccessKeyId": "ASIAEXAMPLEOBSERVER1",
    "EventTime": r["eventTime"].replace("Z", "+00:00"), "EventSource": "sts.amazonaws.com",
    "Username": "github-actions", "Resources": [], "CloudTrailEvent": json.dumps(r, separators=(",", ":"))}
    for r in reversed(records)]})
