// The runtime's API speaks in the event core's types (events, case state, blueprints,
// stores): an embedding program that imports the runtime has them too.
@_exported import OneThingEvents
