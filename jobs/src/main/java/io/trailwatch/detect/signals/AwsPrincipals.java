package io.trailwatch.detect.signals;

import io.trailwatch.model.UserIdentity;
import java.util.regex.Pattern;

/** Who is behind a CloudTrail call: an AWS service, a service-linked role, an EC2 instance. */
public final class AwsPrincipals {
    private static final Pattern INSTANCE_ID = Pattern.compile("i-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    private static final String SERVICE_LINKED_ROLE_PATH = ":role/aws-service-role/";

    private AwsPrincipals() {}

    /**
     * An AWS service acting itself ({@code AWSService}) or on a principal's behalf ({@code
     * invokedBy}): its calls are the service's doing, not the principal's.
     */
    public static boolean isAwsService(UserIdentity id) {
        return id != null && ("AWSService".equals(id.type) || id.invokedBy != null);
    }

    /**
     * A session of a service-linked role (path {@code /aws-service-role/}), which only its AWS
     * service can assume: AWS Config describing everything is its job.
     */
    public static boolean isServiceLinkedRole(UserIdentity id) {
        if (id == null) {
            return false;
        }
        if (id.sessionIssuerArn != null) {
            return id.sessionIssuerArn.contains(SERVICE_LINKED_ROLE_PATH);
        }
        return id.arn != null && id.arn.contains(":assumed-role/AWSServiceRoleFor");
    }

    /**
     * The instance whose instance-profile credentials made the call, or {@code null} when the
     * session is not an EC2 instance-role session. EC2 names those sessions after the instance and
     * marks them with {@code ec2RoleDelivery} (the IMDS version that handed them out).
     */
    public static String instanceId(UserIdentity id) {
        if (id == null || !"AssumedRole".equals(id.type)) {
            return null;
        }
        String session = sessionName(id);
        boolean namedAfterInstance = session != null && INSTANCE_ID.matcher(session).matches();
        if (namedAfterInstance) {
            return session;
        }
        return id.ec2RoleDelivery != null ? (session != null ? session : "unknown-instance") : null;
    }

    /** The role session name: the last part of the assumed-role ARN or of the principal id. */
    static String sessionName(UserIdentity id) {
        if (id.arn != null && id.arn.contains(":assumed-role/")) {
            return id.arn.substring(id.arn.lastIndexOf('/') + 1);
        }
        if (id.principalId != null && id.principalId.indexOf(':') > 0) {
            return id.principalId.substring(id.principalId.indexOf(':') + 1);
        }
        return null;
    }
}
