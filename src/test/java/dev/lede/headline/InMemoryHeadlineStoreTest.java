package dev.lede.headline;

class InMemoryHeadlineStoreTest extends HeadlineStoreContract {
  @Override
  protected HeadlineStore create() {
    return new InMemoryHeadlineStore();
  }

  @Override
  protected HeadlineStore reopen(HeadlineStore s) {
    return s;
  }
}
