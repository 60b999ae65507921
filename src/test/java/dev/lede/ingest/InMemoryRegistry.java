package dev.lede.ingest;

import dev.lede.model.Source;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An in-memory {@link SourceRegistry}. */
public final class InMemoryRegistry implements SourceRegistry {
  private final Map<String, Source> sources = new TreeMap<>();
  private final Map<String, String> states = new TreeMap<>();

  @Override
  public synchronized void add(Source source) {
    if (sources.putIfAbsent(source.id(), source) != null) {
      throw new IllegalArgumentException("source " + source.id() + " exists");
    }
  }

  @Override
  public synchronized void update(Source source) {
    if (!sources.containsKey(source.id())) {
      throw new IllegalArgumentException("no source " + source.id());
    }
    sources.put(source.id(), source);
  }

  @Override
  public synchronized Optional<Source> get(String id) {
    return Optional.ofNullable(sources.get(id));
  }

  @Override
  public synchronized List<Source> list() {
    return List.copyOf(sources.values());
  }

  @Override
  public synchronized boolean remove(String id) {
    states.remove(id);
    return sources.remove(id) != null;
  }

  @Override
  public synchronized Optional<String> state(String id) {
    return Optional.ofNullable(states.get(id));
  }

  @Override
  public synchronized void putState(String id, String json) {
    if (!sources.containsKey(id)) {
      throw new IllegalArgumentException("no source " + id);
    }
    states.put(id, json);
  }
}
