#!/usr/bin/env bash
# Flips /Channel/Application/Endorsement between ANY and MAJORITY with Fabric's own tools only, as an operator
# without Klammer would, and returns once the orderer serves the new config block.
# Usage: fabric-policy-update.sh NETWORK_PROPERTIES WORK_DIR
# WORK_DIR/config/core.yaml is the peer CLI's client configuration (FABRIC_CFG_PATH).
set -euo pipefail

descriptor=$1
work=$2

prop() {
  grep -m1 "^$1=" "$descriptor" | cut -d= -f2-
}

bin=$(prop fabric.bin)
channel=$(prop channel)
orderer="$(prop orderer.host):$(prop orderer.port)"
tls=(--tls --cafile "$(prop orderer.tls.ca)" --ordererTLSHostnameOverride "$(prop orderer.tls.hostname)")
export FABRIC_CFG_PATH=$work/config

# Runs a command as a descriptor identity: its MSP ID and the MSP folder above its signcerts/.
as_identity() {
  local identity=$1
  shift
  CORE_PEER_LOCALMSPID=$(prop "identity.$identity.msp") \
    CORE_PEER_MSPCONFIGPATH=$(dirname "$(dirname "$(prop "identity.$identity.cert")")") "$@"
}

# Prints the number of the newest config block, as 'peer channel fetch config' logs it.
fetch_config() {
  as_identity bamf-admin "$bin/peer" channel fetch config config_block.pb -c "$channel" -o "$orderer" "${tls[@]}" \
    2>&1 | sed -n 's/.*Received block: \([0-9]*\).*/\1/p' | head -n 1
}

cd "$work"
before=$(fetch_config)
"$bin/configtxlator" proto_decode --input config_block.pb --type common.Block --output config_block.json
jq '.data.data[0].payload.data.config' config_block.json > config.json
current=$(jq -r '.channel_group.groups.Application.policies.Endorsement.policy.value.rule' config.json)
if [[ $current == MAJORITY ]]; then wanted=ANY; else wanted=MAJORITY; fi
jq --arg rule "$wanted" '.channel_group.groups.Application.policies.Endorsement.policy.value.rule = $rule' \
  config.json > modified.json
"$bin/configtxlator" proto_encode --input config.json --type common.Config --output config.pb
"$bin/configtxlator" proto_encode --input modified.json --type common.Config --output modified.pb
"$bin/configtxlator" compute_update --channel_id "$channel" --original config.pb --updated modified.pb \
  --output update.pb
"$bin/configtxlator" proto_decode --input update.pb --type common.ConfigUpdate --output update.json
jq -n --arg channel "$channel" --slurpfile update update.json \
  '{payload: {header: {channel_header: {channel_id: $channel, type: 2}}, data: {config_update: $update[0]}}}' \
  > envelope.json
"$bin/configtxlator" proto_encode --input envelope.json --type common.Envelope --output envelope.pb

as_identity bamf-admin "$bin/peer" channel signconfigtx -f envelope.pb 2> /dev/null
as_identity lds-admin "$bin/peer" channel signconfigtx -f envelope.pb 2> /dev/null
as_identity bamf-admin "$bin/peer" channel update -f envelope.pb -c "$channel" -o "$orderer" "${tls[@]}" 2> update.log

# 'peer channel update' returns once the orderer accepted the broadcast; the change counts when its block is served.
deadline=$((SECONDS + 60))
while ((SECONDS < deadline)); do
  after=$(fetch_config)
  if [[ -n $after && $after -gt $before ]]; then
    echo "Endorsement $current -> $wanted in config block $after"
    exit 0
  fi
  sleep 0.1
done
echo "config block after $before not served within 60 s" >&2
exit 1
