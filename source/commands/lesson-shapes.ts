// The starting shapes of `ami-school new-lesson --shape <shape>`: small chapters that pass
// `ami-school check` as they are (a test checks each one), to be edited into the author's own.
// Every field is explained in lessons/README.md; each shape shows a different kind of goal check.

export type Shape = {name: string; text: string};

const header = (id: string, order: number, title: string, schemaFile: string, about: string) => `# yaml-language-server: $schema=./${schemaFile}
# A chapter of AMI School (${about}); every field is explained in lessons/README.md of the
# ami-school package. Check it (validates, then replays the solution, the alternatives, the wrong
# attempts and the exact-command hints):   ami-school check <this folder>   (--watch: on each save)
# Play it:   ami-school --lessons <this folder> play ${id}
# Then make it yours: the story, the goals and their checks, the solution; keep check green.

id: ${id}          # unique: lower-case letters, digits and dashes (progress is kept under it)
order: ${order}           # position in the chapter menu, unique in the pack
title: ${JSON.stringify(title)}
facts: []          # fact ids this chapter is about (F1 …), from facts.yaml or the built-in facts
`;

const findAndLaunch = (id: string, order: number, title: string, schemaFile: string) => `${header(id, order, title, schemaFile, 'shape: find and launch')}
story:             # pages shown before the lab: the school analogy first, then the AWS terms
  - |
    The school's new lab computer needs an operating system. The IT team does not install one
    by hand: it picks a ready-made master copy that Amazon publishes and keeps up to date.
  - |
    In AWS that master copy is an AMI. Amazon's own AMIs are owned by "amazon"; anyone else can
    publish one with a similar name, so always ask for the owner.
debrief: |         # shown when the chapter is complete
  You found the newest Amazon Linux 2023 AMI by its owner, launched an instance from it and
  terminated it, so it costs nothing.

setup:             # run silently in the player's shell before they start
  region: us-east-1
  commands: []
vars:              # values the checks use as $NAME: aws commands run once after the setup
  AL2023: aws ec2 describe-images --owners amazon --filters Name=name,Values=al2023-ami-2023.*-x86_64 --query sort_by(Images,&CreationDate)[-1].ImageId --output text

goals:             # judged on the sandbox's state after every command, never on the text typed
  - id: launched
    text: Launch an instance from the newest Amazon Linux 2023 AMI that Amazon owns
    points: 100
    sticky: true     # once met, stays met (the next goal terminates the instance)
    check:
      aws: ec2 describe-instances
      query: "length(Reservations[].Instances[?ImageId=='$AL2023'][]) >= \`1\`"
    hints:         # 1 to 3, each more precise: a nudge, the shape of the command, the command
      - Images are found with describe-images; --owners amazon keeps out look-alikes.
      - aws ec2 describe-images --owners amazon --filters … then run-instances --image-id …
      - |
        AMI=$(aws ec2 describe-images --owners amazon \\
          --filters 'Name=name,Values=al2023-ami-2023.*-x86_64' \\
          --query 'sort_by(Images, &CreationDate)[-1].ImageId' --output text)
        aws ec2 run-instances --image-id $AMI --instance-type t3.micro
  - id: cleaned-up
    text: Terminate the instance, so that nothing costs money
    points: 100
    check:
      all:
        - history: {operation: RunInstances, ok: true}
        - cost: {hourlyAtMost: 0}
    hints:
      - An instance costs money until it is terminated.
      - aws ec2 terminate-instances --instance-ids …
      - |
        IDS=$(aws ec2 describe-instances \\
          --filters Name=instance-state-name,Values=pending,running \\
          --query 'Reservations[].Instances[].InstanceId' --output text)
        aws ec2 terminate-instances --instance-ids $IDS

solution:          # the reference solution: one shell line each; it must earn 3 stars
  - AMI=$(aws ec2 describe-images --owners amazon --filters 'Name=name,Values=al2023-ami-2023.*-x86_64' --query 'sort_by(Images, &CreationDate)[-1].ImageId' --output text)
  - ID=$(aws ec2 run-instances --image-id $AMI --instance-type t3.micro --query 'Instances[0].InstanceId' --output text)
  - aws ec2 terminate-instances --instance-ids $ID
alternatives:      # other valid ways: each must meet every goal
  - - ID=$(aws ec2 run-instances --image-id resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --instance-type t3.micro --query 'Instances[0].InstanceId' --output text)
    - aws ec2 terminate-instances --instance-ids $ID
wrong:             # known-wrong attempts: none may meet every goal (proves the checks are strict)
  - name: left it running
    commands:
      - AMI=$(aws ec2 describe-images --owners amazon --filters 'Name=name,Values=al2023-ami-2023.*-x86_64' --query 'sort_by(Images, &CreationDate)[-1].ImageId' --output text)
      - aws ec2 run-instances --image-id $AMI --instance-type t3.micro
  - name: never launched
    commands:
      - aws ec2 describe-images --owners amazon --filters 'Name=name,Values=al2023-ami-2023.*-x86_64'

quiz:              # after the lab: 2 to 6 choices, exactly one correct, every one explained
  - question: Why give --owners amazon when looking for Amazon Linux?
    choices:
      - text: Anyone can publish an AMI with a similar name; the owner is what proves its origin.
        correct: true
        explain: Names are free text; the owner account cannot be faked.
      - text: Without it, describe-images returns nothing.
        explain: It returns every public image the filters match, look-alikes included.
`;

/** Setup shared by the shapes that start from a running lab computer. */
const labSetup = (extra: string[] = []) => `setup:             # run silently in the player's shell before they start
  region: us-east-1
  commands:
    - AL2023=$(aws ec2 describe-images --owners amazon --filters 'Name=name,Values=al2023-ami-2023.*-x86_64' --query 'sort_by(Images, &CreationDate)[-1].ImageId' --output text)
    - ID=$(aws ec2 run-instances --image-id $AL2023 --instance-type t3.micro --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=lab-pc}]' --query 'Instances[0].InstanceId' --output text)
    - aws ec2 wait instance-running --instance-ids $ID
${extra.map(line => `    - ${line}\n`).join('')}`;

const bake = (id: string, order: number, title: string, schemaFile: string) => `${header(id, order, title, schemaFile, 'shape: bake an image')}
story:
  - |
    The lab computer is set up just right. Rather than set up thirty more by hand, the IT team
    saves its disk as a master image that every new computer starts from.
  - |
    In AWS that is create-image: it snapshots the instance's volumes and registers an AMI. The
    image is "pending" until the snapshots are done, then "available". Your shell holds $ID,
    the instance ID of lab-pc.
debrief: |
  You baked an AMI from lab-pc and waited until it was available: new instances can start from it.

${labSetup()}vars:
  ID: aws ec2 describe-instances --filters Name=tag:Name,Values=lab-pc --query Reservations[0].Instances[0].InstanceId --output text

goals:
  - id: baked
    text: Make an image named lab-master from lab-pc
    points: 100
    check:
      aws: ec2 describe-images --owners self --filters Name=name,Values=lab-master Name=source-instance-id,Values=$ID
      query: Images[0]
    hints:
      - An image of an instance is made by EC2 from the instance's ID.
      - aws ec2 create-image --instance-id … --name …
      - aws ec2 create-image --instance-id $ID --name lab-master
  - id: available
    text: Wait until lab-master is available
    points: 100
    check:
      aws: ec2 describe-images --owners self --filters Name=name,Values=lab-master Name=state,Values=available
      query: Images[0]
    hints:
      - A new image is pending for a while; the CLI has a waiter for that.
      - aws ec2 wait image-available --image-ids …
      - |
        IMG=$(aws ec2 describe-images --owners self \\
          --filters Name=name,Values=lab-master \\
          --query 'Images[0].ImageId' --output text)
        aws ec2 wait image-available --image-ids $IMG

solution:
  - IMG=$(aws ec2 create-image --instance-id $ID --name lab-master --query ImageId --output text)
  - aws ec2 wait image-available --image-ids $IMG
alternatives:
  - - IMG=$(aws ec2 create-image --instance-id $ID --name lab-master --description 'Lab computer' --query ImageId --output text)
    - aws ec2 wait image-available --image-ids $IMG
    - aws ec2 describe-images --image-ids $IMG
wrong:
  - name: another name
    commands:
      - IMG=$(aws ec2 create-image --instance-id $ID --name lab-copy --query ImageId --output text)
      - aws ec2 wait image-available --image-ids $IMG
`;

const copyAndShare = (id: string, order: number, title: string, schemaFile: string) => `${header(id, order, title, schemaFile, 'shape: copy and share')}
story:
  - |
    The school opens a second building in another city, and a partner school wants to use the
    master image too.
  - |
    An AMI lives in one Region: copy-image makes a copy in another (here eu-west-1). Sharing is a
    launch permission for another account (here 210987654321). Your shell holds $IMG, the ID of
    the master image lab-master in us-east-1.
debrief: |
  You copied lab-master to eu-west-1 and let account 210987654321 launch it.

${labSetup(["IMG=$(aws ec2 create-image --instance-id $ID --name lab-master --query ImageId --output text)", 'aws ec2 wait image-available --image-ids $IMG'])}vars:
  IMG: aws ec2 describe-images --owners self --filters Name=name,Values=lab-master --query Images[0].ImageId --output text

goals:
  - id: copied
    text: Copy lab-master to eu-west-1
    points: 100
    check:
      aws: ec2 describe-images --owners self --filters Name=source-image-id,Values=$IMG
      region: eu-west-1
      query: Images[0]
    hints:
      - The copy is made in the Region it goes to, from the Region it comes from.
      - aws ec2 copy-image --region eu-west-1 --source-region us-east-1 …
      - |
        aws ec2 copy-image --region eu-west-1 --source-region us-east-1 \\
          --source-image-id $IMG --name lab-master
  - id: shared
    text: Let the partner school's account 210987654321 launch lab-master
    points: 100
    check:
      aws: ec2 describe-image-attribute --image-id $IMG --attribute launchPermission
      query: "LaunchPermissions[?UserId=='210987654321'] | length(@) == \`1\`"
    hints:
      - Who may launch an image is an attribute of the image.
      - aws ec2 modify-image-attribute --image-id … --launch-permission …
      - |
        aws ec2 modify-image-attribute --image-id $IMG \\
          --launch-permission 'Add=[{UserId=210987654321}]'

solution:
  - aws ec2 copy-image --region eu-west-1 --source-region us-east-1 --source-image-id $IMG --name lab-master
  - aws ec2 modify-image-attribute --image-id $IMG --launch-permission 'Add=[{UserId=210987654321}]'
alternatives:
  - - aws ec2 modify-image-attribute --image-id $IMG --attribute launchPermission --operation-type add --user-ids 210987654321
    - aws ec2 copy-image --region eu-west-1 --source-region us-east-1 --source-image-id $IMG --name lab-master-eu
wrong:
  - name: shared with the wrong account
    commands:
      - aws ec2 copy-image --region eu-west-1 --source-region us-east-1 --source-image-id $IMG --name lab-master
      - aws ec2 modify-image-attribute --image-id $IMG --launch-permission 'Add=[{UserId=123456789012}]'
  - name: copied within us-east-1
    commands:
      - aws ec2 copy-image --source-region us-east-1 --source-image-id $IMG --name lab-master
      - aws ec2 modify-image-attribute --image-id $IMG --launch-permission 'Add=[{UserId=210987654321}]'
`;

const cleanUp = (id: string, order: number, title: string, schemaFile: string) => `${header(id, order, title, schemaFile, 'shape: clean up')}
story:
  - |
    The term is over. The old master image and the computer it was made from still cost money.
  - |
    Deregistering an AMI does not delete its snapshots: they are billed until deleted
    (--delete-associated-snapshots does both). A running instance is billed until terminated.
    Your shell holds $ID (lab-pc) and $IMG (the image lab-master made from it).
debrief: |
  Nothing is left: the instance is terminated, the image deregistered and its snapshot deleted.

${labSetup(["IMG=$(aws ec2 create-image --instance-id $ID --name lab-master --query ImageId --output text)", 'aws ec2 wait image-available --image-ids $IMG'])}vars:
  IMG: aws ec2 describe-images --owners self --filters Name=name,Values=lab-master --query Images[0].ImageId --output text
  SNAP: aws ec2 describe-images --owners self --filters Name=name,Values=lab-master --query Images[0].BlockDeviceMappings[0].Ebs.SnapshotId --output text

goals:
  - id: instance-gone
    text: Terminate lab-pc
    points: 100
    check:
      all:
        - history: {operation: TerminateInstances, ok: true}
        - not:
            aws: ec2 describe-instances --filters Name=instance-state-name,Values=pending,running,stopping,stopped
            query: Reservations[].Instances[]
    hints:
      - An instance is billed until it is terminated.
      - aws ec2 terminate-instances --instance-ids …
      - aws ec2 terminate-instances --instance-ids $ID
  - id: image-gone
    text: Deregister lab-master and delete its snapshot
    points: 100
    check:
      all:
        - not:
            aws: ec2 describe-images --owners self --filters Name=name,Values=lab-master
            query: Images
        - not:
            aws: ec2 describe-snapshots --owner-ids self
            query: "Snapshots[?SnapshotId=='$SNAP']"
    hints:
      - Deregistering an image leaves its snapshots, unless you ask for both.
      - aws ec2 deregister-image --image-id … --delete-associated-snapshots
      - aws ec2 deregister-image --image-id $IMG --delete-associated-snapshots

solution:
  - aws ec2 terminate-instances --instance-ids $ID
  - aws ec2 deregister-image --image-id $IMG --delete-associated-snapshots
alternatives:
  - - SNAP=$(aws ec2 describe-images --image-ids $IMG --query 'Images[0].BlockDeviceMappings[0].Ebs.SnapshotId' --output text)
    - aws ec2 deregister-image --image-id $IMG
    - aws ec2 delete-snapshot --snapshot-id $SNAP
    - aws ec2 terminate-instances --instance-ids $ID
wrong:
  - name: left the snapshot
    commands:
      - aws ec2 terminate-instances --instance-ids $ID
      - aws ec2 deregister-image --image-id $IMG
  - name: left the instance running
    commands:
      - aws ec2 deregister-image --image-id $IMG --delete-associated-snapshots
`;

export const SHAPES: readonly Shape[] = [
	{name: 'find-and-launch', text: 'find an AMI by its owner and launch from it, then clean up'},
	{name: 'bake', text: 'bake an image from a running instance and wait until it is available'},
	{name: 'copy-and-share', text: 'copy an image to another Region and share it with an account'},
	{name: 'clean-up', text: 'terminate, deregister and delete snapshots: nothing left costing money'},
];

const BODIES: Record<string, (id: string, order: number, title: string, schemaFile: string) => string> = {
	'find-and-launch': findAndLaunch,
	bake,
	'copy-and-share': copyAndShare,
	'clean-up': cleanUp,
};

export const DEFAULT_SHAPE = 'find-and-launch';

/** The lesson text of a shape; undefined for an unknown shape. */
export const shapeText = (shape: string, id: string, order: number, title: string, schemaFile: string): string | undefined => BODIES[shape]?.(id, order, title, schemaFile);
