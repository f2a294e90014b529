package io.trailwatch.detect.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.UserIdentity;
import org.junit.jupiter.api.Test;

class AwsPrincipalsTest {
    @Test
    void instanceSessionsAreRecognisedByNameOrByMetadataDelivery() {
        UserIdentity named = role("payments-web-role", "i-0a1b2c3d4e5f67890", null);
        UserIdentity shortId = role("legacy", "i-0a1b2c3d", null);
        UserIdentity delivered = role("app", "custom-session", "2.0");
        UserIdentity ordinary = role("etl-runner", "ci-1234", null);
        UserIdentity notAnInstance = role("app", "i-notanid", null);

        assertThat(AwsPrincipals.instanceId(named)).isEqualTo("i-0a1b2c3d4e5f67890");
        assertThat(AwsPrincipals.instanceId(shortId)).isEqualTo("i-0a1b2c3d");
        assertThat(AwsPrincipals.instanceId(delivered)).isEqualTo("custom-session");
        assertThat(AwsPrincipals.instanceId(ordinary)).isNull();
        assertThat(AwsPrincipals.instanceId(notAnInstance)).isNull();
    }

    @Test
    void anIamUserIsNeverAnInstanceSession() {
        UserIdentity user = new UserIdentity();
        user.type = "IAMUser";
        user.arn = "arn:aws:iam::111122223333:user/i-0a1b2c3d4e5f67890";
        assertThat(AwsPrincipals.instanceId(user)).isNull();
    }

    @Test
    void sessionNameComesFromThePrincipalIdWhenTheArnIsMissing() {
        UserIdentity id = new UserIdentity();
        id.type = "AssumedRole";
        id.principalId = "AROAEXAMPLE:i-0a1b2c3d4e5f67890";
        assertThat(AwsPrincipals.instanceId(id)).isEqualTo("i-0a1b2c3d4e5f67890");
    }

    @Test
    void serviceLinkedRolesAndServicesAreRecognised() {
        UserIdentity config = role("AWSServiceRoleForConfig", "AWSConfig-Describe", null);
        config.sessionIssuerArn =
                "arn:aws:iam::777788889999:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";
        UserIdentity noIssuer = new UserIdentity();
        noIssuer.type = "AssumedRole";
        noIssuer.arn =
                "arn:aws:sts::777788889999:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling";
        UserIdentity app = role("app", "s", null);
        UserIdentity service = new UserIdentity();
        service.type = "AWSService";
        UserIdentity onBehalf = role("app", "s", null);
        onBehalf.invokedBy = "secretsmanager.amazonaws.com";

        assertThat(AwsPrincipals.isServiceLinkedRole(config)).isTrue();
        assertThat(AwsPrincipals.isServiceLinkedRole(noIssuer)).isTrue();
        assertThat(AwsPrincipals.isServiceLinkedRole(app)).isFalse();
        assertThat(AwsPrincipals.isAwsService(service)).isTrue();
        assertThat(AwsPrincipals.isAwsService(onBehalf)).isTrue();
        assertThat(AwsPrincipals.isAwsService(app)).isFalse();
    }

    private static UserIdentity role(String role, String session, String delivery) {
        UserIdentity id = new UserIdentity();
        id.type = "AssumedRole";
        id.arn = "arn:aws:sts::111122223333:assumed-role/" + role + "/" + session;
        id.principalId = "AROAEXAMPLE:" + session;
        id.sessionIssuerArn = "arn:aws:iam::111122223333:role/" + role;
        id.ec2RoleDelivery = delivery;
        return id;
    }
}
