package io.trailwatch.detect.signals;

import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.rules.EventView;
import io.trailwatch.detect.rules.Finding;
import io.trailwatch.detect.rules.SecurityGroupOpenedRule;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.EvidenceField;
import io.trailwatch.model.Severity;
import io.trailwatch.model.UserIdentity;
import io.trailwatch.ownership.AwsRange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns CloudTrail events into the signals of the windowed rules: who failed or managed to sign in,
 * who was denied, who read what, where instance credentials were used, which public addresses the
 * organization was given, who opened which sensitive port to the internet. The decisions that need
 * no state are made here, once per event.
 */
public final class CloudTrailSignals {
    static final String SIGNIN = "signin.amazonaws.com";
    static final String S3 = "s3.amazonaws.com";

    /** CloudTrail's user name for a sign-in attempt with a user name that does not exist. */
    static final String HIDDEN_USER = "HIDDEN_DUE_TO_SECURITY_REASONS";

    private final Set<SignalKind> enabled;
    private final SecurityGroupOpenedRule openings = new SecurityGroupOpenedRule();

    public CloudTrailSignals(Set<SignalKind> enabled) {
        this.enabled =
                enabled.isEmpty() ? EnumSet.noneOf(SignalKind.class) : EnumSet.copyOf(enabled);
    }

    /** The same without AWS's ranges: every public address counts as outside AWS. */
    public void extract(
            CloudTrailEvent e, Function<CloudTrailEvent, String[]> trustedCidrs, SignalSink out) {
        extract(e, trustedCidrs, CallerAddresses.UNKNOWN, out);
    }

    /**
     * @param trustedCidrs the trusted ranges that apply to the event's caller (asked only for
     *     instance-role sessions seen from public addresses, which are rare)
     * @param addresses whether such an address is AWS's or the organization's (asked as rarely)
     */
    public void extract(
            CloudTrailEvent e,
            Function<CloudTrailEvent, String[]> trustedCidrs,
            CallerAddresses addresses,
            SignalSink out) {
        String account = e.account();
        if (account == null || e.eventId == null) {
            return;
        }
        if (SIGNIN.equals(e.eventSource) && "ConsoleLogin".equals(e.eventName)) {
            consoleLogin(e, account, out);
            return;
        }
        // Whoever made the call (CloudFormation on someone's behalf included), the address is the
        // organization's.
        if (on(SignalKind.ADDRESS_HELD) && HeldAddresses.teaches(e)) {
            heldAddresses(e, out);
        }
        UserIdentity id = e.userIdentity;
        String principal = e.principal();
        if (principal == null || AwsPrincipals.isAwsService(id)) {
            // an AWS service's own calls, or calls it makes on a principal's behalf: the service's
            // doing
            return;
        }
        boolean denied = isDenied(e.errorCode) && on(SignalKind.DENIED_CALL);
        // Reconnaissance discovers the environment through management APIs; reading data (S3
        // data events, the bulk of CloudTrail where they are on) is TW-EXFIL-01's business.
        boolean reading =
                Boolean.TRUE.equals(e.readOnly)
                        && "AwsApiCall".equals(e.eventType)
                        && !Boolean.FALSE.equals(e.managementEvent)
                        && !AwsPrincipals.isServiceLinkedRole(id)
                        && on(SignalKind.READ_ONLY_CALL);
        boolean s3 = e.errorCode == null && S3.equals(e.eventSource) && on(SignalKind.S3_ACCESS);
        if (denied || reading || s3) {
            String key = account + " " + principal;
            if (denied) {
                out.emit(
                        SignalKind.DENIED_CALL,
                        signal(key, e, principal, principal).value(api(e)).attribute(e.errorCode));
            }
            if (reading) {
                out.emit(
                        SignalKind.READ_ONLY_CALL,
                        signal(key, e, principal, principal).value(api(e)));
            }
            if (s3) {
                s3Access(e, key, principal, out);
            }
        }
        if (on(SignalKind.INSTANCE_CREDENTIALS_OUTSIDE)
                || on(SignalKind.INSTANCE_CREDENTIALS_INSIDE_AWS)) {
            instanceCredentials(e, account, principal, trustedCidrs, addresses, out);
        }
        if (e.errorCode == null
                && !Boolean.TRUE.equals(e.readOnly)
                && on(SignalKind.SENSITIVE_PORT_OPENED)
                && openings.eventNames().contains(e.eventName)) {
            sensitivePortsOpened(e, account, principal, out);
        }
    }

    /**
     * The CIS 4.1 metric filter's notion of an unauthorized call: an error code ending in
     * UnauthorizedOperation or starting with AccessDenied.
     */
    static boolean isDenied(String errorCode) {
        return errorCode != null
                && (errorCode.startsWith("AccessDenied")
                        || errorCode.endsWith("UnauthorizedOperation"));
    }

    /** "service:Name", e.g. {@code iam:ListUsers}: APIs of different services never collide. */
    static String api(CloudTrailEvent e) {
        String source = e.eventSource == null ? "?" : e.eventSource;
        int dot = source.indexOf(".amazonaws.com");
        return (dot > 0 ? source.substring(0, dot) : source) + ":" + e.eventName;
    }

    private void consoleLogin(CloudTrailEvent e, String account, SignalSink out) {
        String result = JsonFields.text(e.responseElements, "ConsoleLogin");
        String address = e.sourceIpAddress;
        String user = loginUser(e.userIdentity);
        String userArn = userArn(e.userIdentity, account, user);
        if ("Failure".equals(result)) {
            if (address != null && on(SignalKind.FAILED_LOGIN_BY_ADDRESS)) {
                out.emit(
                        SignalKind.FAILED_LOGIN_BY_ADDRESS,
                        signal(account + " " + address, e, address, address)
                                .value(user == null ? "(unknown user)" : user));
            }
            // Unknown user names all read HIDDEN_…: counting them as one user would merge
            // strangers.
            if (user != null && address != null && on(SignalKind.FAILED_LOGIN_BY_USER)) {
                out.emit(
                        SignalKind.FAILED_LOGIN_BY_USER,
                        signal(account + " " + user, e, userArn, userArn)
                                .value(address)
                                .detail(user));
            }
        } else if ("Success".equals(result) && on(SignalKind.SUCCESSFUL_LOGIN)) {
            out.emit(
                    SignalKind.SUCCESSFUL_LOGIN,
                    signal(account, e, userArn, userArn)
                            .value(user == null ? userArn : user)
                            .attribute(address)
                            .detail(JsonFields.text(e.additionalEventData, "MFAUsed")));
        }
    }

    /** The signing-in user's name; {@code null} when CloudTrail hides or lacks it. */
    static String loginUser(UserIdentity id) {
        if (id == null) {
            return null;
        }
        if ("Root".equals(id.type)) {
            return "root";
        }
        if (id.userName != null && !id.userName.isEmpty() && !HIDDEN_USER.equals(id.userName)) {
            return id.userName;
        }
        if (id.arn != null) {
            return id.arn.substring(id.arn.lastIndexOf('/') + 1);
        }
        return null;
    }

    private static String userArn(UserIdentity id, String account, String user) {
        if (id != null && id.arn != null) {
            return id.arn;
        }
        if (id != null && "Root".equals(id.type)) {
            return "arn:aws:iam::" + account + ":root";
        }
        return user == null ? null : "arn:aws:iam::" + account + ":user/" + user;
    }

    /**
     * An instance-role session calling from a public address outside the owner's trusted ranges:
     * outside AWS (TW-CRED-01), or from an address AWS publishes as its own (TW-CRED-02, which
     * still has to rule out the organization's own addresses, keyed by the address).
     */
    private void instanceCredentials(
            CloudTrailEvent e,
            String account,
            String principal,
            Function<CloudTrailEvent, String[]> trustedCidrs,
            CallerAddresses addresses,
            SignalSink out) {
        String instance = AwsPrincipals.instanceId(e.userIdentity);
        String address = e.sourceIpAddress;
        // Service names ("ec2.amazonaws.com", "AWS Internal") and private addresses are inside AWS.
        if (instance == null || !AddressScope.untrusted().isPublic(address)) {
            return;
        }
        if (!new AddressScope(List.of(trustedCidrs.apply(e))).isPublic(address)) {
            return;
        }
        String delivery =
                e.userIdentity.ec2RoleDelivery == null ? "unknown" : e.userIdentity.ec2RoleDelivery;
        AwsRange aws = addresses.awsRange(address);
        if (aws == null) {
            if (on(SignalKind.INSTANCE_CREDENTIALS_OUTSIDE)) {
                out.emit(
                        SignalKind.INSTANCE_CREDENTIALS_OUTSIDE,
                        signal(account + " " + principal + " " + address, e, principal, instance)
                                .value(api(e))
                                .attribute(delivery)
                                .detail(address));
            }
        } else if (on(SignalKind.INSTANCE_CREDENTIALS_INSIDE_AWS)
                && !addresses.inOwnedNetwork(address)) {
            out.emit(
                    SignalKind.INSTANCE_CREDENTIALS_INSIDE_AWS,
                    signal(address, e, principal, instance)
                            .value(api(e))
                            .attribute(delivery)
                            .detail(aws.toString()));
        }
    }

    private void heldAddresses(CloudTrailEvent e, SignalSink out) {
        for (String address : HeldAddresses.of(e)) {
            out.emit(
                    SignalKind.ADDRESS_HELD,
                    signal(address, e, e.principal(), address).value(e.eventName));
        }
    }

    private static void s3Access(CloudTrailEvent e, String key, String principal, SignalSink out) {
        if ("GetObject".equals(e.eventName)) {
            String bucket = JsonFields.text(e.requestParameters, "bucketName");
            out.emit(
                    SignalKind.S3_ACCESS,
                    signal(key, e, principal, principal)
                            .value(bucket)
                            .attribute("GetObject")
                            .amount(
                                    Math.max(
                                            0,
                                            JsonFields.number(
                                                    e.additionalEventData,
                                                    "bytesTransferredOut",
                                                    0))));
        } else if ("ListBuckets".equals(e.eventName)) {
            out.emit(
                    SignalKind.S3_ACCESS,
                    signal(key, e, principal, principal).attribute("ListBuckets"));
        }
    }

    private void sensitivePortsOpened(
            CloudTrailEvent e, String account, String principal, SignalSink out) {
        List<Finding> findings = new ArrayList<>(1);
        openings.evaluate(new EventView(e), a -> true, findings);
        for (Finding f : findings) {
            // Only the openings TW-NET-01 rates CRITICAL: admin and database ports, or all traffic.
            if (f.severity() != Severity.CRITICAL) {
                continue;
            }
            String ports = field(f, "sensitivePorts");
            String group = field(f, "groupId");
            if (ports == null) {
                continue;
            }
            for (String port : ports.split(" ")) {
                out.emit(
                        SignalKind.SENSITIVE_PORT_OPENED,
                        signal(account + " " + port, e, principal, group)
                                .value(port)
                                .attribute(field(f, "cidr"))
                                .detail(field(f, "permissions")));
            }
        }
    }

    private static String field(Finding f, String name) {
        for (EvidenceField field : f.fields()) {
            if (field.name.equals(name)) {
                return field.value;
            }
        }
        return null;
    }

    private boolean on(SignalKind kind) {
        return enabled.contains(kind);
    }

    private static Signal signal(String key, CloudTrailEvent e, String principal, String resource) {
        return new Signal(key, e.eventTime, e.eventId)
                .context(e.account(), e.awsRegion, principal, resource, e.owner);
    }
}
