package io.trailwatch.detect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.model.ResourceRef;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names the resource an API call acts on, from the request parameters AWS logs for it. */
public final class ResourceNames {
    private static final List<String> KEYS =
            List.of(
                    "groupId",
                    "bucketName",
                    "keyId",
                    "name",
                    "trailName",
                    "instanceId",
                    "snapshotId",
                    "imageId",
                    "dBInstanceIdentifier",
                    "dBClusterIdentifier",
                    "dBSnapshotIdentifier",
                    "dBClusterSnapshotIdentifier",
                    "policyArn",
                    "roleName",
                    "userName",
                    "groupName",
                    "detectorId",
                    "networkAclId",
                    "routeTableId",
                    "vpcId",
                    "internetGatewayId",
                    "customerGatewayId",
                    "vpcPeeringConnectionId",
                    "functionName",
                    "topicArn",
                    "queueUrl",
                    "repositoryName",
                    "webACLId",
                    "resourceArn",
                    "Name",
                    "Id",
                    "logGroupName",
                    "configurationRecorderName",
                    "deliveryChannelName",
                    "accountId",
                    "policyId",
                    "targetId");
    private static final Pattern ANY_ID =
            Pattern.compile(
                    "\\b(?:sg|i|eni|vpc|subnet|snap|ami|acl|rtb|igw|cgw|pcx|fl)-[0-9a-f]{8,17}\\b");

    private ResourceNames() {}

    public static String of(EventView e) {
        JsonNode request = e.request();
        for (String key : KEYS) {
            JsonNode n = request.path(key);
            if (n.isValueNode() && !n.isNull() && !n.asText().isEmpty()) {
                return n.asText();
            }
        }
        ResourceRef[] resources = e.event().resources;
        if (resources != null && resources.length > 0 && resources[0].arn != null) {
            return resources[0].arn;
        }
        if (e.event().requestParameters != null) {
            Matcher m = ANY_ID.matcher(e.event().requestParameters);
            if (m.find()) {
                return m.group();
            }
        }
        return null;
    }
}
