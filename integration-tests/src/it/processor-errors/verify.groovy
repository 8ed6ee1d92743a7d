// The build failed for the processor's reasons, not for a broken setup: each declaration
// mistake is reported with its id and exact message at its own file, line and column (as Maven
// prints them). This project has no Error Prone: the processor alone finds all of them.
def log = new File(basedir, 'build.log').text

def expected = [
  'Both.java:[9,24] [ConduitConflictingDirections] @SendOnly and @ReceiveOnly on the parameter \'ch\' of relay(Channel<String>): a channel is send-only, receive-only or both, so keep at most one',
  'Stage.java:[9,49] [ConduitDirectionOnNonChannel] @SendOnly on the parameter \'label\' of consume(Channel<String>, String), which is String: only channel types (Channel, generated channels and their ends, the BlockingQueue family) have a direction',
  'Shop.java:[7,16] [ConduitDirectionContradictsType] @SendOnly on the parameter \'orders\' of publish(OrderChannel.ReceiveEnd), but OrderChannel.ReceiveEnd can only receive',
  'Handlers.java:[8,24] [ConduitRequiresContext] the first parameter of handle(String) is a String, but @RequiresContext on Handlers needs a Context there (Go\'s ctx context.Context comes first)',
  'Stage.java:[14,41] [ConduitOverrideDirection] parameter \'in\' is bidirectional but @ReceiveOnly in Stage.consume(Channel<String>, String), which consume(Channel<String>, String) overrides: callers pass it a @ReceiveOnly channel',
  'Box.java:[7,19] [ConduitInvalidElementType] @GenerateChannel needs a type without type parameters: a generated channel carries one element type, so annotate a concrete type (for example a record holding the generic value) instead of Box<T>',
  'Counter.java:[6,48] [ConduitUnsupportedPrimitive] @GenerateChannel(primitives = ...) takes int.class, long.class and double.class, not float.class (a reference type gets its channel from @GenerateChannel on it)',
  'Gauge.java:[6,34] [ConduitDuplicatePrimitiveChannel] com.example.broken.IntChannel is already generated for com.example.broken.Counter: request each primitive channel once per package',
  'Ticket.java:[6,1] [ConduitWriteFailed] could not write com.example.broken.TicketChannel: Attempt to recreate a file for type com.example.broken.TicketChannel',
]

def prefix = '/src/main/java/com/example/broken/'
def reported = log.readLines()
    .findAll { it.startsWith('[ERROR] ') && it.contains(prefix) }
    .collect { it.substring(it.indexOf(prefix) + prefix.length()) }
    .toSet()

def missing = expected.findAll { !reported.contains(it) }
def unexpected = reported.findAll { !expected.contains(it) }
assert missing.isEmpty() : "errors missing or worded differently:\n${missing.join('\n')}\n\nreported:\n${reported.join('\n')}"
assert unexpected.isEmpty() : "unexpected errors:\n${unexpected.join('\n')}"
assert !log.contains('Xplugin:ErrorProne') && !log.contains('error_prone') : 'this project must not use Error Prone'
