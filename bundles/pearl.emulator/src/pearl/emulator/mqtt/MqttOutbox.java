package pearl.emulator.mqtt;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The firmware's queue of packets a client sends. Only the packet at the head is on the wire; the
 * next one goes once the head's exchange is complete: a QoS 0 PUBLISH once sent, QoS 1 at its
 * PUBACK, QoS 2 at the PUBCOMP that answers the PUBREL it turned into at PUBREC, SUBSCRIBE at
 * SUBACK, UNSUBSCRIBE at UNSUBACK. Until then each packet holds its bytes on the board's heap,
 * which is why a burst of publishes can run the board out of memory.
 */
final class MqttOutbox {

	/**
	 * Bytes of the firmware's queue node besides the packet itself: next pointer, buffer pointer,
	 * length, packet identifier, type and QoS.
	 */
	static final int NODE_BYTES = 16;

	/**
	 * One queued packet.
	 *
	 * @param packet    what goes on the wire
	 * @param packetId  its packet identifier (0 for a QoS 0 PUBLISH)
	 * @param answer    the packet type that completes it, or 0 when sending it is enough
	 * @param done      run on the board's thread when the exchange is complete
	 * @param heapBytes what it holds on the board's heap: the encoded packet and its queue node
	 */
	record Entry(MqttPacket packet, int packetId, int answer, Runnable done, long heapBytes) {

		/** An entry for {@code packet}, its heap counted from its encoded length. */
		Entry(MqttPacket packet, int packetId, int answer, Runnable done) {
			this(packet, packetId, answer, done, NODE_BYTES + packet.toBytes().length);
		}
	}

	private final Deque<Entry> queue = new ArrayDeque<>();
	private boolean headSent;

	/** Adds {@code entry} at the tail. */
	void add(Entry entry) {
		queue.addLast(entry);
	}

	/** The head if it still has to go on the wire (it is then marked sent), else null. */
	Entry takeUnsentHead() {
		if (headSent || queue.isEmpty()) {
			return null;
		}
		headSent = true;
		return queue.peekFirst();
	}

	/** The head on the wire, waiting for {@code answer} with {@code packetId}; null when that is not what it waits for. */
	Entry waitingFor(int answer, int packetId) {
		Entry head = queue.peekFirst();
		return headSent && head != null && head.answer() == answer && head.packetId() == packetId ? head : null;
	}

	/** Puts {@code next} in place of the head (a QoS 2 PUBLISH becomes its PUBREL), not yet sent. */
	void replaceHead(Entry next) {
		queue.pollFirst();
		queue.addFirst(next);
		headSent = false;
	}

	/** Removes the head, whose exchange is complete. */
	Entry removeHead() {
		headSent = false;
		return queue.pollFirst();
	}

	/** The heap all queued packets hold. */
	long heapBytes() {
		long bytes = 0;
		for (Entry e : queue) {
			bytes += e.heapBytes();
		}
		return bytes;
	}

	/** Drops everything (the connection ended; the firmware frees its queue). */
	void clear() {
		queue.clear();
		headSent = false;
	}
}
