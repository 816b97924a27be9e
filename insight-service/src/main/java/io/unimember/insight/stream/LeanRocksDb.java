package io.unimember.insight.stream;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * RocksDB inside the platform's memory budget (decision 0051): one block cache of 16 MiB for every store of the
 * instance, memtables counted against it, small memtables, LZ4. Kafka Streams' default (a 50 MiB cache and 3 × 16
 * MiB memtables per store) would alone take more than the whole service's share.
 */
public final class LeanRocksDb implements RocksDBConfigSetter {

    private static final long CACHE_BYTES = 16L << 20;
    private static final long MEMTABLE_BYTES = 4L << 20;

    /** Made when the first store opens (the native library is loaded by then), not when the class is checked. */
    private static final class Shared {
        static {
            RocksDB.loadLibrary();
        }

        static final Cache CACHE = new LRUCache(CACHE_BYTES, -1, false, 0.2);
        static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(CACHE_BYTES / 2, CACHE);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(Shared.CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(Shared.WRITE_BUFFERS);
        options.setWriteBufferSize(MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(2);
        options.setCompressionType(CompressionType.LZ4_COMPRESSION);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store: never closed with one
    }
}
