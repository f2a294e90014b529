package io.trailwatch.bench;

import java.nio.file.Path;

/**
 * What a replay input file holds, told from where it lies: under {@code AWSLogs/} by the service
 * folder of AWS's own S3 key layout ({@code AWSLogs/<account>/CloudTrail/…}, {@code
 * AWSLogs/<account>/vpcflowlogs/…}, with or without an organization folder), elsewhere by its
 * top-level folder ({@code eventbridge}, {@code cloudwatch-firehose}, …). Only for reporting the
 * decode stage per kind: the pipeline itself decides every file's kind from its content.
 */
final class InputKind {
    private InputKind() {}

    static String of(Path relative) {
        if (relative.getNameCount() < 2) {
            return "(top level)";
        }
        String top = relative.getName(0).toString();
        if (!top.equals("AWSLogs")) {
            return top;
        }
        for (int i = 1; i < relative.getNameCount() - 1; i++) {
            String part = relative.getName(i).toString();
            if (part.equals("CloudTrail") || part.equals("vpcflowlogs")) {
                return "AWSLogs/" + part;
            }
        }
        return "AWSLogs/(other)";
    }
}
