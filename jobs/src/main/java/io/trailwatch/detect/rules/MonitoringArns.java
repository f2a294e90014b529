package io.trailwatch.detect.rules;

import io.trailwatch.model.CloudTrailEvent;

/**
 * The ARNs of the monitoring resources an event names, in the event's partition, region and
 * account: how the ownership table's rows find them.
 */
final class MonitoringArns {
    private final String prefix;
    private final String region;
    private final String account;

    MonitoringArns(CloudTrailEvent e) {
        this.region = e.awsRegion == null ? "" : e.awsRegion;
        this.account = e.account() == null ? "" : e.account();
        this.prefix = "arn:" + partition(region) + ":";
    }

    String alarm(String name) {
        return prefix + "cloudwatch:" + region + ":" + account + ":alarm:" + name;
    }

    String logGroup(String name) {
        return prefix + "logs:" + region + ":" + account + ":log-group:" + name;
    }

    /**
     * A rule on the default event bus is {@code rule/NAME}; on another bus {@code rule/BUS/NAME}.
     */
    String eventRule(String bus, String name) {
        if (bus != null && bus.contains(":event-bus/")) {
            bus = bus.substring(bus.indexOf(":event-bus/") + ":event-bus/".length());
        }
        boolean defaultBus = bus == null || bus.isEmpty() || bus.equals("default");
        return prefix
                + "events:"
                + region
                + ":"
                + account
                + ":rule/"
                + (defaultBus ? "" : bus + "/")
                + name;
    }

    private static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
