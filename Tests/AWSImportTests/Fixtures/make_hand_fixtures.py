#!/usr/bin/env python3
"""Writes the parts of Fixtures/export-full that moto cannot produce, in the exact shapes the AWS CLI prints.

The rest of export-full/ is scripts/export-aws.sh run against moto_server (account ids then replaced by
111111111111 ... 555555555555). Shapes follow the AWS API references: ListOrganizationsFeatures, GetLoginProfile
(and the CLI's NoSuchEntity error text), ListAccessKeys, ListSigningCertificates, ListMFADevices, GetAccountSummary,
ListVirtualMFADevices, ListDelegatedAdministrators, the IAM credential report columns, and the AssumeRoot CloudTrail
record ("Track privileged tasks in CloudTrail", IAM User Guide). The CLI prints JSON with json.dumps(indent=4).
Run from this folder: python3 make_hand_fixtures.py
"""
import json
import os

ROOT = "export-full"
MGMT = "111111111111"


def write(path, value):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        if isinstance(value, str):
            f.write(value)
        else:
            f.write(json.dumps(value, indent=4, ensure_ascii=False) + "\n")


write("exported-at.txt", "2026-11-25T12:00:00Z\n")
write("iam/list-organizations-features.json", {
    "OrganizationId": "o-m12snuuy2s",
    "EnabledFeatures": ["RootCredentialsManagement", "RootSessions"],
})
write("organizations/list-aws-service-access-for-organization.json", {"EnabledServicePrincipals": [
    {"ServicePrincipal": "sso.amazonaws.com", "DateEnabled": "2026-11-02T09:00:00.765000+00:00"},
    {"ServicePrincipal": "iam.amazonaws.com", "DateEnabled": "2026-11-01T09:00:00.123000+00:00"},
]})
write("organizations/list-delegated-administrators.json", {"DelegatedAdministrators": [{
    "Id": "222222222222",
    "Arn": "arn:aws:organizations::111111111111:account/o-m12snuuy2s/222222222222",
    "Email": "aws+security@example.com",
    "Name": "security",
    "Status": "ACTIVE",
    "State": "ACTIVE",
    "JoinedMethod": "CREATED",
    "JoinedTimestamp": "2026-11-01T08:00:00.801000+00:00",
    "DelegationEnabledDate": "2026-11-01T09:05:00.000000+00:00",
}]})

# The management root: the credential report says not_supported for the root's password_enabled.
header = ("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
          "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
          "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
          "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
          "cert_1_last_rotated,cert_2_active,cert_2_last_rotated")
root_row = (f"<root_account>,arn:aws:iam::{MGMT}:root,2020-01-01T00:00:00+00:00,not_supported,"
            "2026-11-24T08:30:00+00:00,not_supported,not_supported,true,false,2021-03-01T10:00:00+00:00,"
            "2021-06-01T10:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A")
user_row = (f"ci-reader,arn:aws:iam::{MGMT}:user/ci-reader,2025-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,"
            "true,2025-01-01T00:00:00+00:00,2026-11-25T11:00:00+00:00,us-east-1,organizations,false,N/A,N/A,N/A,N/A,"
            "false,N/A,false,N/A")
write("iam/credential-report.csv", "\n".join([header, root_row, user_row]))
write("iam/list-virtual-mfa-devices.json", {"VirtualMFADevices": [
    {
        "SerialNumber": f"arn:aws:iam::{MGMT}:mfa/root-account-mfa-device",
        "User": {"Arn": f"arn:aws:iam::{MGMT}:root", "UserId": MGMT, "CreateDate": "2020-01-01T00:00:00+00:00"},
        "EnableDate": "2024-05-01T12:00:00+00:00",
    },
    {
        "SerialNumber": f"arn:aws:iam::{MGMT}:mfa/ci-reader",
        "User": {"Path": "/", "UserName": "ci-reader", "UserId": "AIDAEXAMPLEUSER0001",
                 "Arn": f"arn:aws:iam::{MGMT}:user/ci-reader", "CreateDate": "2025-01-01T00:00:00+00:00"},
        "EnableDate": "2025-01-02T00:00:00+00:00",
    },
]})

NO_PROFILE = ("\nAn error occurred (NoSuchEntity) when calling the GetLoginProfile operation: "
              "Login Profile for User root cannot be found.\n")


def summary(keys, certs, mfa):
    # GetAccountSummary's SummaryMap (a subset of its keys, in the order the CLI prints them).
    return {"SummaryMap": {
        "GroupPolicySizeQuota": 5120, "InstanceProfilesQuota": 1000, "Policies": 0, "GroupsPerUserQuota": 10,
        "InstanceProfiles": 0, "AttachedPoliciesPerUserQuota": 10, "Users": 0, "PoliciesQuota": 1500,
        "Providers": 0, "AccountMFAEnabled": mfa, "AccessKeysPerUserQuota": 2, "AssumeRolePolicySizeQuota": 2048,
        "PolicyVersionsInUseQuota": 10000, "GlobalEndpointTokenVersion": 1, "VersionsPerPolicyQuota": 5,
        "AttachedPoliciesPerGroupQuota": 10, "PolicySizeQuota": 6144, "Groups": 0,
        "AccountSigningCertificatesPresent": certs, "UsersQuota": 5000, "ServerCertificatesQuota": 20,
        "MFADevices": 0, "UserPolicySizeQuota": 2048, "PolicyVersionsInUse": 0, "ServerCertificates": 0,
        "Roles": 3, "RolesQuota": 1000, "SigningCertificatesPerUserQuota": 2, "MFADevicesInUse": 0,
        "RolePolicySizeQuota": 10240, "AttachedPoliciesPerRoleQuota": 10, "AccountAccessKeysPresent": keys,
        "GroupsQuota": 300,
    }}


def root_user(account, password_last_used=None):
    # GetUser without a user name in a root session describes the root user (PasswordLastUsed only once used).
    user = {"UserId": account, "Arn": f"arn:aws:iam::{account}:root", "CreateDate": "2020-01-01T00:00:00+00:00"}
    if password_last_used:
        user["PasswordLastUsed"] = password_last_used
    return {"User": user}


# 333333333333 (prod): password recovery left open, two access keys (one inactive), a certificate, no MFA.
d = "accounts/333333333333"
write(f"{d}/get-login-profile.json", {"LoginProfile": {
    "CreateDate": "2026-11-20T10:03:00+00:00", "PasswordResetRequired": False}})
write(f"{d}/list-access-keys.json", {"AccessKeyMetadata": [
    {"AccessKeyId": "AKIAEXAMPLEROOTKEY02", "Status": "Inactive", "CreateDate": "2019-04-01T00:00:00+00:00"},
    {"AccessKeyId": "AKIAEXAMPLEROOTKEY01", "Status": "Active", "CreateDate": "2018-01-01T00:00:00+00:00"},
]})
write(f"{d}/get-access-key-last-used-AKIAEXAMPLEROOTKEY01.json", {"UserName": "root", "AccessKeyLastUsed": {
    "LastUsedDate": "2026-10-30T07:15:00+00:00", "ServiceName": "s3", "Region": "eu-west-1"}})
write(f"{d}/get-access-key-last-used-AKIAEXAMPLEROOTKEY02.json", {"UserName": "root", "AccessKeyLastUsed": {
    "ServiceName": "N/A", "Region": "N/A"}})
write(f"{d}/list-signing-certificates.json", {"Certificates": [{
    "CertificateId": "EXAMPLECERTID0123456789ABCDEFGHI",
    "CertificateBody": "-----BEGIN CERTIFICATE-----\nMIIBEXAMPLE\n-----END CERTIFICATE-----",
    "Status": "Active", "UploadDate": "2017-05-01T00:00:00+00:00"}]})
write(f"{d}/list-mfa-devices.json", {"MFADevices": []})
write(f"{d}/get-account-summary.json", summary(keys=1, certs=1, mfa=0))
write(f"{d}/get-user.json", root_user("333333333333", password_last_used="2026-11-20T10:10:00+00:00"))
write(f"{d}/audit-started-at.txt", "2026-11-25T11:40:00Z\n")

# 444444444444 (sandbox): credentials deleted centrally: NoSuchEntity and empty lists.
d = "accounts/444444444444"
write(f"{d}/get-login-profile.error.json", NO_PROFILE)
write(f"{d}/list-access-keys.json", {"AccessKeyMetadata": []})
write(f"{d}/list-signing-certificates.json", {"Certificates": []})
write(f"{d}/list-mfa-devices.json", {"MFADevices": []})
write(f"{d}/get-account-summary.json", summary(keys=0, certs=0, mfa=0))
write(f"{d}/get-user.json", root_user("444444444444"))
write(f"{d}/audit-started-at.txt", "2026-11-25T11:41:00Z\n")

# 555555555555 (mfa): a password with every MFA kind; the summary (taken earlier) disagrees on certificates.
d = "accounts/555555555555"
write(f"{d}/get-login-profile.json", {"LoginProfile": {
    "CreateDate": "2026-11-25T11:52:00+00:00", "PasswordResetRequired": False}})
write(f"{d}/list-access-keys.json", {"AccessKeyMetadata": []})
write(f"{d}/list-signing-certificates.json", {"Certificates": []})
write(f"{d}/list-mfa-devices.json", {"MFADevices": [
    {"SerialNumber": "arn:aws:iam::555555555555:mfa/root-account-mfa-device", "EnableDate": "2026-11-25T11:55:00+00:00"},
    {"SerialNumber": "arn:aws:iam::555555555555:u2f/root/yubikey-JQKZ7ABCDEFGHIJ",
     "EnableDate": "2026-11-25T11:56:00+00:00"},
    {"SerialNumber": "GAHT12345678", "EnableDate": "2026-11-25T11:57:00+00:00"},
]})
write(f"{d}/get-account-summary.json", summary(keys=0, certs=1, mfa=1))
# GetUser denied in this session (an SCP, say): the audit is partial and the password's last use unknown.
write(f"{d}/get-user.error.json", "\nAn error occurred (AccessDenied) when calling the GetUser operation: User: "
      "arn:aws:sts::555555555555:root is not authorized to perform: iam:GetUser with an explicit deny in a service "
      "control policy\n")
write(f"{d}/audit-started-at.txt", "2026-11-25T11:58:00Z\n")

# 666666666666: audit files for an account that list-accounts does not have.
write("accounts/666666666666/list-access-keys.json", {"AccessKeyMetadata": []})


def assume_root(event_id, time, target, task, duration=None, error=None, session="admin-session"):
    params = {"targetPrincipal": target,
              "taskPolicyArn": {"arn": f"arn:aws:iam::aws:policy/root-task/{task}"}}
    if duration is not None:
        params["durationSeconds"] = duration
    record = {
        "eventVersion": "1.09",
        "userIdentity": {
            "type": "AssumedRole",
            "principalId": f"AROAEXAMPLEROLEID0001:{session}",
            "arn": f"arn:aws:sts::{MGMT}:assumed-role/RootAccessAdmin/{session}",
            "accountId": MGMT,
            "accessKeyId": "ASIAEXAMPLESESSION01",
            "sessionContext": {
                "sessionIssuer": {"type": "Role", "principalId": "AROAEXAMPLEROLEID0001",
                                  "arn": f"arn:aws:iam::{MGMT}:role/RootAccessAdmin", "accountId": MGMT,
                                  "userName": "RootAccessAdmin"},
                "attributes": {"creationDate": time, "mfaAuthenticated": "false"},
            },
        },
        "eventTime": time,
        "eventSource": "sts.amazonaws.com",
        "eventName": "AssumeRoot",
        "awsRegion": "us-east-1",
        "sourceIPAddress": "203.0.113.10",
        "userAgent": "aws-cli/2.22.0 md/awscrt#0.22.0 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.12.6",
        "requestParameters": params,
        "responseElements": None if error else {"credentials": {
            "accessKeyId": "ASIAEXAMPLEROOTSESS1", "sessionToken": "IQoJEXAMPLETOKEN",
            "expiration": "Nov 25, 2026, 12:05:00 PM"}},
        "requestID": f"req-{event_id}",
        "eventID": event_id,
        "readOnly": False,
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": MGMT,
        "eventCategory": "Management",
    }
    if error:
        record["errorCode"] = error
        record["errorMessage"] = "User is not authorized to perform: sts:AssumeRoot"
    return record


def lookup(record):
    # One element of `cloudtrail lookup-events` output: the record travels as a JSON string.
    return {"EventId": record["eventID"], "EventName": "AssumeRoot", "ReadOnly": "false",
            "AccessKeyId": "ASIAEXAMPLESESSION01", "EventTime": record["eventTime"].replace("Z", "+00:00"),
            "EventSource": "sts.amazonaws.com", "Username": "admin-session", "Resources": [],
            "CloudTrailEvent": json.dumps(record, separators=(",", ":"))}


create_prod = assume_root("0b1e0c6a-1111-4a2b-9c3d-000000000001", "2026-11-20T10:00:00Z", "333333333333",
                          "IAMCreateRootUserPassword", 900)
delete_sandbox = assume_root("0b1e0c6a-1111-4a2b-9c3d-000000000002", "2026-11-21T09:00:00Z",
                             f"arn:aws:iam::444444444444:root", "IAMDeleteRootUserCredentials", 300)
audit_prod = assume_root("0b1e0c6a-1111-4a2b-9c3d-000000000003", "2026-11-25T11:40:00Z", "333333333333",
                         "IAMAuditRootUserCredentials")
create_mfa = assume_root("0b1e0c6a-1111-4a2b-9c3d-000000000004", "2026-11-25T11:50:00Z", "555555555555",
                         "IAMCreateRootUserPassword", 900)
# Two pages of lookup-events appended to one file (the first one carries NextToken).
pages = [
    {"Events": [lookup(create_mfa), lookup(audit_prod)], "NextToken": "kbOt5LlZe++mErCebpy2TgaMgmDvF1kYGFcH64JSjIbZ"},
    {"Events": [lookup(delete_sandbox), lookup(create_prod)]},
]
write("cloudtrail/lookup-events-assumeroot.json", "".join(json.dumps(p, indent=4) + "\n" for p in pages))
# A trail log file: the create_prod event again (deduplicated by eventID), a denied AssumeRoot and an unrelated event.
denied = assume_root("0b1e0c6a-1111-4a2b-9c3d-000000000005", "2026-11-22T09:00:00Z", "333333333333",
                     "IAMDeleteRootUserCredentials", 900, error="AccessDenied")
login = {"eventVersion": "1.09", "userIdentity": {"type": "Root", "arn": f"arn:aws:iam::{MGMT}:root",
                                                 "accountId": MGMT}, "eventTime": "2026-11-24T08:30:00Z",
         "eventSource": "signin.amazonaws.com", "eventName": "ConsoleLogin", "awsRegion": "us-east-1",
         "requestParameters": None, "responseElements": {"ConsoleLogin": "Success"},
         "eventID": "0b1e0c6a-1111-4a2b-9c3d-000000000006", "eventType": "AwsConsoleSignIn",
         "recipientAccountId": MGMT}
write("cloudtrail/111111111111_CloudTrail_us-east-1_20261125T1200Z_example.json",
      json.dumps({"Records": [create_prod, denied, login]}, separators=(",", ":")) + "\n")

# The primary contact of prod (GetContactInformation): not in the model, shown as a comment.
write("accounts/333333333333/contact-information.json", {"ContactInformation": {
    "AddressLine1": "410 Terry Ave N", "City": "Seattle", "CompanyName": "Example Corp", "CountryCode": "US",
    "FullName": "Example Corp Cloud Team", "PhoneNumber": "+1 206 555 0199", "PostalCode": "98109",
    "StateOrRegion": "WA"}})

# A resource control policy (ListPolicies --filter RESOURCE_CONTROL_POLICY): not in the model, shown as a comment.
write("organizations/policies/list-resource-control-policies.json", {"Policies": [{
    "Id": "p-rcp0example", "Arn": "arn:aws:organizations::111111111111:policy/o-m12snuuy2s/resource_control_policy/"
    "p-rcp0example", "Name": "enforce-tls", "Description": "Deny requests without TLS",
    "Type": "RESOURCE_CONTROL_POLICY", "AwsManaged": False}]})
write("organizations/policies/p-rcp0example.json", {"Policy": {"PolicySummary": {
    "Id": "p-rcp0example", "Arn": "arn:aws:organizations::111111111111:policy/o-m12snuuy2s/resource_control_policy/"
    "p-rcp0example", "Name": "enforce-tls", "Description": "Deny requests without TLS",
    "Type": "RESOURCE_CONTROL_POLICY", "AwsManaged": False},
    "Content": '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*",'
               '"Resource":"*","Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}]}'}})
write("organizations/policies/p-rcp0example.targets.json", {"Targets": [{
    "TargetId": "r-nbtg", "Arn": "arn:aws:organizations::111111111111:root/o-m12snuuy2s/r-nbtg", "Name": "Root",
    "Type": "ROOT"}]})
