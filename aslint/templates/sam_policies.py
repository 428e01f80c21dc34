"""SAM policy templates (``{"LambdaInvokePolicy": {"FunctionName": …}}``) expanded into statements.

Only templates whose statements are known here are expanded; any other name is reported as a note
(never guessed). Resources use CloudFormation ``Fn::Sub`` syntax; the parameters are filled in by
:func:`expand`, unknown ones stay ``${Name}``.
Source: the SAM policy templates list (docs.aws.amazon.com/serverless-application-model/latest/
developerguide/serverless-policy-template-list.html).
"""

from __future__ import annotations

_ARN = "arn:${AWS::Partition}"
_DDB = _ARN + ":dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}"
_S3 = _ARN + ":s3:::${BucketName}"

TEMPLATES: dict = {
    "LambdaInvokePolicy": [
        (["lambda:InvokeFunction"], [_ARN + ":lambda:${AWS::Region}:${AWS::AccountId}:function:${FunctionName}*"]),
    ],
    "StepFunctionsExecutionPolicy": [
        (["states:StartExecution"], [_ARN + ":states:${AWS::Region}:${AWS::AccountId}:stateMachine:${StateMachineName}"]),
    ],
    "DynamoDBReadPolicy": [
        (["dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:DescribeTable"],
         [_DDB, _DDB + "/index/*"]),
    ],
    "DynamoDBWritePolicy": [
        (["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"], [_DDB, _DDB + "/index/*"]),
    ],
    "DynamoDBCrudPolicy": [
        (["dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query",
          "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem", "dynamodb:DescribeTable",
          "dynamodb:ConditionCheckItem"], [_DDB, _DDB + "/index/*"]),
    ],
    "S3ReadPolicy": [
        (["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:GetLifecycleConfiguration"],
         [_S3, _S3 + "/*"]),
    ],
    "S3WritePolicy": [
        (["s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration"], [_S3, _S3 + "/*"]),
    ],
    "S3CrudPolicy": [
        (["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:PutObject",
          "s3:PutObjectAcl", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration", "s3:DeleteObject"],
         [_S3, _S3 + "/*"]),
    ],
    "SNSPublishMessagePolicy": [
        (["sns:Publish"], [_ARN + ":sns:${AWS::Region}:${AWS::AccountId}:${TopicName}"]),
    ],
    "SNSCrudPolicy": [
        (["sns:ListSubscriptionsByTopic", "sns:CreateTopic", "sns:SetTopicAttributes", "sns:Subscribe", "sns:Publish"],
         [_ARN + ":sns:${AWS::Region}:${AWS::AccountId}:${TopicName}*"]),
    ],
    "SQSSendMessagePolicy": [
        (["sqs:SendMessage*"], [_ARN + ":sqs:${AWS::Region}:${AWS::AccountId}:${QueueName}"]),
    ],
    "SQSPollerPolicy": [
        (["sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage",
          "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"],
         [_ARN + ":sqs:${AWS::Region}:${AWS::AccountId}:${QueueName}"]),
    ],
    "EventBridgePutEventsPolicy": [
        (["events:PutEvents"], [_ARN + ":events:${AWS::Region}:${AWS::AccountId}:event-bus/${EventBusName}"]),
    ],
    "CloudWatchPutMetricPolicy": [
        (["cloudwatch:PutMetricData"], ["*"]),
    ],
    "RekognitionDetectOnlyPolicy": [
        (["rekognition:DetectFaces", "rekognition:DetectLabels", "rekognition:DetectModerationLabels",
          "rekognition:DetectText"], ["*"]),
    ],
    "ComprehendBasicAccessPolicy": [
        (["comprehend:BatchDetectKeyPhrases", "comprehend:DetectDominantLanguage", "comprehend:DetectEntities",
          "comprehend:BatchDetectEntities", "comprehend:DetectKeyPhrases", "comprehend:DetectSentiment",
          "comprehend:BatchDetectDominantLanguage", "comprehend:BatchDetectSentiment"], ["*"]),
    ],
    "EKSDescribePolicy": [
        (["eks:DescribeCluster", "eks:ListClusters"], ["*"]),
    ],
}


def expand(name: str, params: dict) -> dict | None:
    """{Version, Statement} for the policy template ``name`` with ``params`` (name -> text), or None."""
    from aslint.templates.substitution import Piece, substitute

    spec = TEMPLATES.get(name)
    if spec is None:
        return None

    def fill(text: str) -> str:
        return "".join(p.text for p in substitute([Piece(text, None, (0, 0))], params, sub=True))

    statements = []
    for actions, resources in spec:
        filled = [fill(r) for r in resources]
        statements.append({"Effect": "Allow", "Action": list(actions),
                           "Resource": filled[0] if len(filled) == 1 else filled})
    return {"Version": "2012-10-17", "Statement": statements}
