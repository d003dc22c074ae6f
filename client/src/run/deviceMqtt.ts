// The device's `/iot mqtt` menus kept in step with the run's MQTT side: subscriptions added, changed or removed subscribe and unsubscribe; broker entries tell the port to resolve names again and show `connected`.
import type { Device, DeviceHooks, Value } from "../../../server/src/interpreter";
import type { QoS } from "../mqtt";
import { BROKERS, brokerItem, scriptFailure, SUBSCRIPTIONS } from "./mqttCommands";
import type { MqttPort } from "./mqttPort";
import { propertyText } from "./propertyText";

function qosOf(value: Value | undefined): QoS {
  return value === 1n ? 1 : value === 2n ? 2 : 0;
}

/** True while a subscription of the device has this broker and topic. */
function subscribed(device: Device, broker: string, topic: string): boolean {
  const menu = device.menu(SUBSCRIPTIONS);
  return (
    menu?.kind === "list" &&
    menu.items.some(
      (i) => propertyText(i.props.get("broker")) === broker && propertyText(i.props.get("topic")) === topic,
    )
  );
}

/** Ties the device's `/iot mqtt` menus to `mqtt` until the returned function is called. */
export function connectDeviceToMqtt(device: Device, mqtt: MqttPort): () => void {
  const hooks: DeviceHooks = {
    added: async (path, item) => {
      if (path === BROKERS) {
        mqtt.brokersChanged?.();
        if (!item.props.has("connected")) device.setState(item, "connected", false);
      }
      if (path !== SUBSCRIPTIONS) return;
      const broker = propertyText(item.props.get("broker"));
      const topic = propertyText(item.props.get("topic"));
      try {
        await mqtt.subscribe(broker, topic, qosOf(item.props.get("qos")));
      } catch (error) {
        throw scriptFailure(error);
      }
    },
    removed: async (path, item) => {
      if (path === BROKERS) mqtt.brokersChanged?.();
      try {
        if (path === SUBSCRIPTIONS) {
          const broker = propertyText(item.props.get("broker"));
          const topic = propertyText(item.props.get("topic"));
          if (!subscribed(device, broker, topic)) await mqtt.unsubscribe(broker, topic);
        } else if (path === BROKERS) {
          await mqtt.disconnect(propertyText(item.props.get("name")));
        }
      } catch (error) {
        throw scriptFailure(error);
      }
    },
    changed: async (path, item, names) => {
      if (path === BROKERS) mqtt.brokersChanged?.();
      if (
        path !== SUBSCRIPTIONS ||
        !item ||
        !names.some((n) => n === "topic" || n === "broker" || n === "qos")
      )
        return;
      try {
        await mqtt.subscribe(
          propertyText(item.props.get("broker")),
          propertyText(item.props.get("topic")),
          qosOf(item.props.get("qos")),
        );
      } catch (error) {
        throw scriptFailure(error);
      }
    },
  };
  const unhook = device.addHooks(hooks);
  const brokers = device.menu(BROKERS);
  if (brokers?.kind === "list")
    for (const item of brokers.items)
      if (!item.props.has("connected")) device.setState(item, "connected", false);
  const stopStates = mqtt.onConnectedChange((broker, connected) => {
    const item = brokerItem(device, broker);
    if (item) device.setState(item, "connected", connected);
  });
  return () => {
    stopStates();
    unhook();
  };
}
