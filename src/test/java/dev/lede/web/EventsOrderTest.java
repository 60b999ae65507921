package dev.lede.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.model.TeaserEvent;
import io.javalin.http.Context;
import java.lang.reflect.Proxy;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order in which the event writer hands teaser events on: a page's impressions before a click
 * made on it (a headline test counts a visitor's click only after that visitor's impression). The
 * site services and the request are stand-ins that record what they are asked.
 */
class EventsOrderTest {
  @Test
  void aClickIsRecordedAfterTheImpressionsOfThePageItCameFrom() throws Exception {
    List<TeaserEvent.Type> order = Collections.synchronizedList(new ArrayList<>());
    SiteServices services =
        (SiteServices)
            Proxy.newProxyInstance(
                SiteServices.class.getClassLoader(),
                new Class<?>[] {SiteServices.class},
                (p, m, a) -> {
                  if (m.getName().equals("recordEvents")) {
                    for (Object o : (List<?>) a[0]) {
                      order.add(((SiteServices.ObservedEvent) o).event().type());
                    }
                    return null;
                  }
                  if (m.getReturnType() == boolean.class) {
                    return true;
                  }
                  return null;
                });
    Context ctx =
        (Context)
            Proxy.newProxyInstance(
                Context.class.getClassLoader(),
                new Class<?>[] {Context.class},
                (p, m, a) ->
                    switch (m.getName()) {
                      case "cookie" -> "abcdefghijklmnopqrstuv";
                      case "userAgent" -> "Mozilla/5.0";
                      default -> null;
                    });
    try (Events events =
        new Events(services, SiteConfig.local("127.0.0.1", 1), InstantSource.system())) {
      Thread.sleep(200); // writer asleep between polls
      // the page is served (its impressions queued), then its teaser is clicked
      events.impressions("a1", List.of("a2"), List.of(""), "abcdefghijklmnopqrstuv", "Mozilla/5.0");
      events.click(ctx, "a2", "a1", 0, "");
      Thread.sleep(300);
    }
    assertThat(order).containsExactly(TeaserEvent.Type.IMPRESSION, TeaserEvent.Type.CLICK);
  }
}
