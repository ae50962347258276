package org.ahibridge.storage.gcs;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.api.services.storage.model.StorageObject;
import com.google.cloud.ServiceOptions;
import com.google.cloud.Tuple;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import com.google.cloud.storage.spi.v1.StorageRpc;

/**
 * An in-process GCS for tests: google-cloud-nio's {@link LocalStorageHelper} fake (a real
 * {@link Storage} client over an in-memory RPC layer), with two things added.
 *
 * <p><b>Listing.</b> The fake's object listing ignores page tokens and start offsets, returns names
 * in hash order and cuts a page at {@code maxResults} without a next token, so every object after
 * the first page would be lost. Real GCS lists in name order with page tokens; this fixture replaces
 * only that call with a faithful one over the fake's objects (page token = last name returned).
 *
 * <p><b>MD5.</b> Real GCS reports the MD5 of every non-composite object; the fake reports none, so
 * this fixture adds it to lookups and listings.
 *
 * <p>Other limits of the fake, which the tests allow for: objects have no generation, metadata patches are accepted but not applied ({@link #patches} records
 * them), and opening a resumable upload registers the name at once as an empty object, where real
 * GCS shows nothing until the upload is finalised. Buckets need not be created (creating one is not
 * implemented).
 *
 * <p><b>Faults.</b> {@link #fail} makes the next calls of one RPC method fail with an HTTP status, to
 * check error translation.
 *
 * <p>Each instance has its own objects (LocalStorageHelper's shared instance is not used).
 */
public final class FakeGcs {

    private final StorageRpc rpc;
    private final Storage storage;
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, Integer> failureCodes = new ConcurrentHashMap<>();
    private final AtomicInteger listCalls = new AtomicInteger();
    private final Map<String, String> md5s = new ConcurrentHashMap<>();
    private final List<StorageObject> patches = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FakeGcs() {
        StorageRpc fake = (StorageRpc) LocalStorageHelper.customOptions(false).getRpc();
        this.rpc = (StorageRpc) Proxy.newProxyInstance(StorageRpc.class.getClassLoader(),
                new Class<?>[] {StorageRpc.class}, new Handler(fake));
        // No client retries: an injected fault must reach the store, not be retried away.
        this.storage = StorageOptions.newBuilder().setProjectId("fake-project-for-testing")
                .setRetrySettings(ServiceOptions.getNoRetrySettings())
                .setServiceRpcFactory(options -> rpc).build().getService();
    }

    public Storage storage() {
        return storage;
    }

    /** The next {@code times} calls of the RPC method (such as "get", "list", "create") fail with {@code code}. */
    public void fail(String method, int code, int times) {
        failureCodes.put(method, code);
        failures.put(method, new AtomicInteger(times));
    }

    public int listCalls() {
        return listCalls.get();
    }

    /** Object metadata patches sent, in order (the fake itself ignores them). */
    public List<StorageObject> patches() {
        return patches;
    }

    private final class Handler implements InvocationHandler {

        private final StorageRpc fake;

        Handler(StorageRpc fake) {
            this.fake = fake;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            AtomicInteger remaining = failures.get(method.getName());
            if (remaining != null && remaining.getAndDecrement() > 0) {
                throw new StorageException(failureCodes.get(method.getName()), "injected by FakeGcs");
            }
            if (method.getName().equals("list") && args != null && args.length == 2 && args[0] instanceof String bucket) {
                listCalls.incrementAndGet();
                @SuppressWarnings("unchecked")
                Map<StorageRpc.Option, ?> options = (Map<StorageRpc.Option, ?>) args[1];
                return list(bucket, options);
            }
            if (method.getName().equals("patch") && args != null && args[0] instanceof StorageObject object) {
                patches.add(object);
            }
            Object result;
            try {
                result = method.invoke(fake, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("get") && result instanceof StorageObject object) {
                withMd5(object);
            }
            return result;
        }

        // Real GCS reports the MD5 of every non-composite object; the fake reports none. Computed once
        // per content (the fake's CRC32C and size name it), since loading copies the whole object.
        private StorageObject withMd5(StorageObject object) {
            if (object.getMd5Hash() == null && object.getName() != null) {
                String content = object.getBucket() + "/" + object.getName() + "@" + object.getCrc32c() + "/"
                        + object.getSize();
                object.setMd5Hash(md5s.computeIfAbsent(content, c -> md5(fake.load(object, Map.of()))));
            }
            return object;
        }

        private static String md5(byte[] content) {
            try {
                return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private Tuple<String, Iterable<StorageObject>> list(String bucket, Map<StorageRpc.Option, ?> options) {
            for (StorageRpc.Option option : options.keySet()) {
                if (!List.of(StorageRpc.Option.PREFIX, StorageRpc.Option.MAX_RESULTS, StorageRpc.Option.PAGE_TOKEN,
                        StorageRpc.Option.START_OFF_SET, StorageRpc.Option.FIELDS).contains(option)) {
                    throw new UnsupportedOperationException("FakeGcs does not list with " + option);
                }
            }
            Map<StorageRpc.Option, Object> prefixOnly = new EnumMap<>(StorageRpc.Option.class);
            if (options.get(StorageRpc.Option.PREFIX) != null) {
                prefixOnly.put(StorageRpc.Option.PREFIX, options.get(StorageRpc.Option.PREFIX));
            }
            List<StorageObject> all = new ArrayList<>();
            fake.list(bucket, prefixOnly).y().forEach(o -> all.add(withMd5(o)));
            all.sort(Comparator.comparing(o -> o.getName().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
            String after = (String) options.get(StorageRpc.Option.PAGE_TOKEN);
            String from = (String) options.get(StorageRpc.Option.START_OFF_SET);
            long max = options.get(StorageRpc.Option.MAX_RESULTS) == null ? Long.MAX_VALUE
                    : ((Number) options.get(StorageRpc.Option.MAX_RESULTS)).longValue();
            List<StorageObject> page = new ArrayList<>();
            boolean more = false;
            for (StorageObject object : all) {
                if ((after != null && compare(object.getName(), after) <= 0)
                        || (from != null && compare(object.getName(), from) < 0)) {
                    continue;
                }
                if (page.size() == max) {
                    more = true;
                    break;
                }
                page.add(object);
            }
            return Tuple.of(more ? page.get(page.size() - 1).getName() : null, page);
        }

        private static int compare(String a, String b) {
            return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        }
    }
}
