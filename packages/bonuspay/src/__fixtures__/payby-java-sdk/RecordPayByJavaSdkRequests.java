import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.lang3.tuple.ImmutablePair;
import org.apache.commons.lang3.tuple.Pair;

import com.alibaba.fastjson.JSON;
import com.payby.gateway.openapi.SgsApi;
import com.payby.gateway.openapi.SgsRequestWrap;
import com.payby.gateway.openapi.SgsResponseWrap;
import com.payby.gateway.openapi.model.ExternalMoney;
import com.payby.gateway.openapi.request.GetRefundOrderRequest;
import com.payby.gateway.openapi.request.PlaceCryptoRefundOrderRequest;
import com.payby.gateway.openapi.response.CryptoRefundOrderResponse;
import com.payby.gateway.openapi.response.PlaceCryptoRefundOrderResponse;
import com.payby.gateway.sdk.PayByClient;
import com.payby.gateway.sdk.cert.KeyCert;
import com.payby.gateway.sdk.config.ApiConfig;
import com.payby.gateway.sdk.config.ClientConfig;
import com.payby.gateway.sdk.config.OkHttpClientConfig;

import okhttp3.logging.HttpLoggingInterceptor;

/**
 * Records the requests the PayBy Java SDK (PayBy/PayBy-java: dependency/payby-sdk-1.4.3.jar and
 * payby-openapi-1.1.3.jar) builds for a crypto refund and its query, exactly as PayByDemo.java builds them
 * (getPayByClient, refundCryptoOrderByMerchantOrderNo, getRefundCryptoOrderByMerchantOrderNo), with the domain
 * pointed at a loopback recorder in front of the BonusPay sandbox. Fixed where the demo is random or reads a
 * file: the refund number (the UUID the demo's query asks for) and the origin merchant order number (a UUID, as
 * the demo's placeCryptoOrder makes). It also retries the refund once, as a merchant does after a timeout.
 *
 * Run: javac -cp "$JARS" RecordPayByJavaSdkRequests.java && java -cp "$JARS:." RecordPayByJavaSdkRequests
 *      <folder with merchant_private_key.pem, platform_public_key.pem, partner_id.txt> <domain> <merchantOrderNo>
 */
public class RecordPayByJavaSdkRequests {
    public static void main(String[] args) throws Exception {
        String dir = args[0];
        ApiConfig apiConfig = new ApiConfig();
        apiConfig.setDomain(args[1]);
        String merchantPrivateKey = new String(Files.readAllBytes(Paths.get(dir, "merchant_private_key.pem")));
        String payByPubKey = new String(Files.readAllBytes(Paths.get(dir, "platform_public_key.pem")));
        apiConfig.setCert(new KeyCert(merchantPrivateKey, payByPubKey));
        List<Pair<String, String>> pairs = new ArrayList<>();
        pairs.add(new ImmutablePair<>("partner-id", new String(Files.readAllBytes(Paths.get(dir, "partner_id.txt")))));
        pairs.add(new ImmutablePair<>("group-name", ""));
        pairs.add(new ImmutablePair<>("branch-name", ""));
        apiConfig.setFixHeaders(pairs);
        HttpLoggingInterceptor logInterceptor = new HttpLoggingInterceptor();
        logInterceptor.setLevel(HttpLoggingInterceptor.Level.BODY);
        ClientConfig config =
            new OkHttpClientConfig.Builder().interceptor(new OkHttpClientConfig.SignInterceptor(apiConfig.getCert()))
                .interceptor(logInterceptor).apiConfig(apiConfig).build();
        PayByClient client = new PayByClient(config);

        PlaceCryptoRefundOrderRequest placeRefundOrderRequest = new PlaceCryptoRefundOrderRequest();
        placeRefundOrderRequest.setAmount(new ExternalMoney(new BigDecimal("0.01"), "BUSD"));
        placeRefundOrderRequest.setRefundMerchantOrderNo("7c43bd35-bd35-4d95-8042-a44984e92405");
        placeRefundOrderRequest.setOriginMerchantOrderNo(args[2]);
        placeRefundOrderRequest.setOperatorName("JACKMA");
        placeRefundOrderRequest.setReason("reason123");
        placeRefundOrderRequest.setNotifyUrl("http://yoursite.com/api/notification");
        placeRefundOrderRequest.setReserved("merchant reserved");
        SgsRequestWrap<PlaceCryptoRefundOrderRequest> wrap = SgsRequestWrap.wrap(placeRefundOrderRequest);
        SgsResponseWrap<PlaceCryptoRefundOrderResponse> responseWrap = client.execute(SgsApi.PLACE_CRYPTO_REFUND_ORDER, wrap);
        System.out.println("refundOrder response=>" + JSON.toJSONString(responseWrap));
        System.out.println("refundOrder checkResponse=>" + SgsApi.checkResponse(responseWrap));
        if (!SgsApi.checkResponse(responseWrap)) return;
        System.out.println("refundOrder body.refundOrder.amount=>" + responseWrap.getBody().getRefundOrder().getAmount().getAmount().toPlainString());

        // The same refund again, as a merchant retries after a timeout: a fresh requestTime, the same parameters.
        SgsRequestWrap<PlaceCryptoRefundOrderRequest> retry = SgsRequestWrap.wrap(placeRefundOrderRequest);
        SgsResponseWrap<PlaceCryptoRefundOrderResponse> retried = client.execute(SgsApi.PLACE_CRYPTO_REFUND_ORDER, retry);
        System.out.println("retry response=>" + JSON.toJSONString(retried));
        System.out.println("retry checkResponse=>" + SgsApi.checkResponse(retried));

        GetRefundOrderRequest orderIndexRequest = new GetRefundOrderRequest();
        orderIndexRequest.setRefundMerchantOrderNo("7c43bd35-bd35-4d95-8042-a44984e92405");
        SgsRequestWrap<GetRefundOrderRequest> query = SgsRequestWrap.wrap(orderIndexRequest);
        SgsResponseWrap<CryptoRefundOrderResponse> queried = client.execute(SgsApi.GET_CRYPTO_REFUND_ORDER, query);
        System.out.println("getCryptoRefundOrder response=>" + JSON.toJSONString(queried));
        System.out.println("getCryptoRefundOrder checkResponse=>" + SgsApi.checkResponse(queried));
        System.out.println("getCryptoRefundOrder summary=>" + JSON.toJSONString(queried.getBody().getRefundSummary()));
        System.out.println("getCryptoRefundOrder status=>" + queried.getBody().getRefundOrder().getStatus());
    }
}
